package org.scratchpadlens.ingest.sample;

import java.util.List;

import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.ingest.job.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The server's first start on an empty store imports the sample data, so a new user sees
 * something at once. The samples come from the jar (or from
 * {@code scratchpad.sample-data.path}) and become sample runs, apart from real data.
 */
@Component
@Order(10)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "scratchpad.sample-data.enabled", havingValue = "true", matchIfMissing = true)
class SampleDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	private final ImportService imports;

	private final JdbcTemplate jdbc;

	private final SampleFiles files;

	SampleDataLoader(ImportService imports, JdbcTemplate jdbc, SampleFiles files) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.files = files;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer jobs = jdbc.queryForObject("select count(*) from import_job", Integer.class);
		if (jobs != null && jobs > 0) {
			return;
		}
		try (SampleFiles.Unpacked samples = files.unpack()) {
			if (samples == null) {
				log.info("No sample data found ({}); the store stays empty", files.describe());
				return;
			}
			log.info("Empty store: importing the sample data from {}", files.describe());
			ImportReport report = imports.importNow(new ImportRequest(List.of(samples.root()), ImportRequest.SAMPLE,
					"system", null, List.of(SampleFiles.LABEL)), ImportProgress.NONE);
			log.info("Sample data: {} transcripts, {} documents, {} prompts, {} rejected", report.transcriptsImported(),
					report.documentsImported(), report.promptsImported(), report.rejected().size());
		}
	}

}
