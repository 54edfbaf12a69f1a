package org.scratchpadlens.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The server's first start on an empty store imports the sample data, so a new user sees
 * something at once.
 */
@Component
@Order(10)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "scratchpad.sample-data.enabled", havingValue = "true", matchIfMissing = true)
class SampleDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	private final ImportService imports;

	private final JdbcTemplate jdbc;

	private final Path path;

	SampleDataLoader(ImportService imports, JdbcTemplate jdbc,
			@Value("${scratchpad.sample-data.path:transcripts}") Path path) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.path = path;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer jobs = jdbc.queryForObject("select count(*) from import_job", Integer.class);
		if (jobs != null && jobs > 0) {
			return;
		}
		if (!Files.isDirectory(path)) {
			log.info("No sample data at {}; the store stays empty", path.toAbsolutePath());
			return;
		}
		log.info("Empty store: importing the sample data from {}", path.toAbsolutePath());
		ImportReport report = imports.importNow(new ImportRequest(List.of(path), "sample", "system", null),
				ImportProgress.NONE);
		log.info("Sample data: {} transcripts, {} documents, {} prompts, {} rejected", report.transcriptsImported(),
				report.documentsImported(), report.promptsImported(), report.rejected().size());
	}

}
