package org.scratchpadlens.ingest.cli;

import org.scratchpadlens.ingest.job.ImportJobStatus;
import org.scratchpadlens.ingest.job.ImportReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;

import org.scratchpadlens.cli.OptionSyntax;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import PATH... [--report=FILE] [--run=R] [--split=train|deploy] [--model=M]}:
 * loads files into the configured database and exits, without a web server and without
 * the sample data. Exit 0 when everything went in, 3 when some files were rejected and
 * the rest imported, 1 on a fatal error, 2 on a usage error.
 */
public final class ImportCommand {

	static final int OK = 0;

	static final int FATAL = 1;

	static final int USAGE = 2;

	static final int SOME_REJECTED = 3;

	private static final String USAGE_TEXT = """
			usage: java -jar scratchpad-lens.jar import PATH... [--report=FILE] [--run=RUN] [--split=train|deploy] [--model=MODEL]
			  (every option also as --name VALUE)
			  PATH     a json_outputs folder (or any folder in it), json_outputs.zip, N.json, a .jsonl file,
			           synthetic documents (.json array or .jsonl), prompt_<name>.txt
			  --report write a JSON report (counts and every rejected file with its reason)
			  --run, --split, --model  for files whose path does not say (single JSON files, JSONL lines)
			  Spring settings pass through, e.g. --spring.datasource.url=jdbc:h2:file:./other/db
			""";

	private ImportCommand() {
	}

	private static final Set<String> VALUED = Set.of("--report", "--run", "--split", "--model");

	/**
	 * @param application the Spring Boot application to start (without a web server) on
	 * the configured database
	 */
	public static int launch(Class<?> application, String[] given, PrintStream out, PrintStream err) {
		if (OptionSyntax.asksForHelp(given)) {
			out.print(USAGE_TEXT);
			return OK;
		}
		String[] args;
		try {
			args = OptionSyntax.joined(given, VALUED);
		}
		catch (IllegalArgumentException e) {
			err.println("import: " + e.getMessage());
			err.print(USAGE_TEXT);
			return USAGE;
		}
		List<Path> paths = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		Path reportFile = null;
		String run = null;
		String split = null;
		String model = null;
		for (String a : args) {
			if (a.startsWith("--report=")) {
				reportFile = Path.of(a.substring(9));
			}
			else if (a.startsWith("--run=")) {
				run = a.substring(6);
			}
			else if (a.startsWith("--split=")) {
				split = a.substring(8);
			}
			else if (a.startsWith("--model=")) {
				model = a.substring(8);
			}
			else if (a.startsWith("--spring.") || a.startsWith("--scratchpad.") || a.startsWith("--logging.")) {
				springArgs.add(a);
			}
			else if (a.startsWith("--")) {
				err.println("import: unknown option " + a);
				err.print(USAGE_TEXT);
				return USAGE;
			}
			else {
				paths.add(Path.of(a));
			}
		}
		if (paths.isEmpty()) {
			err.println("import: no PATH given");
			err.print(USAGE_TEXT);
			return USAGE;
		}
		ImportDefaults defaults;
		try {
			defaults = new ImportDefaults(run, split, model);
		}
		catch (IllegalArgumentException e) {
			err.println("import: " + e.getMessage());
			return USAGE;
		}

		for (Path p : paths) {
			if (!Files.exists(p)) {
				err.println("import: no such file or folder: " + p);
				return USAGE;
			}
		}

		ConfigurableApplicationContext ctx;
		try {
			ctx = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				// a failed start is explained in one line below; Spring's own report
				// would bury it in a stack trace
				// no agreement figures computed ahead: nobody views them here, and
				// reading a large campaign's labels would compete with the import
				.properties("scratchpad.sample-data.enabled=false", "scratchpad.agreement.warm-up=false",
						"logging.level.root=WARN", "logging.level.org.scratchpadlens=WARN",
						"logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.boot.diagnostics=OFF",
						"logging.level.org.springframework.context.support=ERROR",
						"logging.level.com.zaxxer.hikari=OFF", "spring.main.register-shutdown-hook=false")
				.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException e) {
			err.println("import: cannot open the database: " + DatabaseErrors.explain(e));
			return FATAL;
		}
		try (ctx) {
			ImportService service = ctx.getBean(ImportService.class);
			ProgressBar bar = new ProgressBar(err, System.console() != null);
			ImportReport report = service
				.importNow(new ImportRequest(paths, "cli", System.getProperty("user.name"), defaults), bar);
			bar.done();
			printSummary(report, out);
			if (reportFile != null) {
				writeReport(report, reportFile, err);
			}
			if (report.error() != null) {
				err.println("import: failed: " + report.error());
				return FATAL;
			}
			if (report.status() == ImportJobStatus.REJECTED) {
				err.println("import: nothing was imported: every file was rejected (reasons above)");
				return FATAL;
			}
			return report.hasRejections() ? SOME_REJECTED : OK;
		}
		catch (RuntimeException e) {
			err.println("import: failed: " + DatabaseErrors.explain(e));
			return FATAL;
		}
	}

	private static void printSummary(ImportReport r, PrintStream out) {
		out.printf("Import job %d %s in %.1f s%n", r.jobId(), r.status().label(), r.seconds());
		out.printf("  transcripts: %,d new, %,d updated, %,d unchanged%n", r.transcriptsImported(),
				r.transcriptsUpdated(), r.transcriptsUnchanged());
		out.printf("  documents:   %,d new, %,d unchanged%n", r.documentsImported(), r.documentsUnchanged());
		out.printf("  prompts:     %,d new, %,d unchanged%n", r.promptsImported(), r.promptsUnchanged());
		out.printf("  rejected:    %,d%n", r.rejected().size());
		for (ImportReport.RejectedFile f : r.rejected()) {
			out.println("    " + f.path() + ": " + f.reason());
		}
	}

	private static void writeReport(ImportReport report, Path file, PrintStream err) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), report);
		}
		catch (RuntimeException | IOException e) {
			// the innermost cause says what went wrong (a folder in the way, no
			// permission)
			// without Jackson's "[No location information]"
			Throwable cause = e;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			String why = cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage();
			err.println("import: could not write the report to " + file + ": " + why);
		}
	}

}
