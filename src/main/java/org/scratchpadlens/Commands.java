package org.scratchpadlens;

import java.io.PrintStream;

import org.scratchpadlens.agreement.cli.AgreementCommand;
import org.scratchpadlens.cli.OptionSyntax;
import org.scratchpadlens.ingest.cli.ImportCommand;
import org.scratchpadlens.tools.GenerateCommand;
import org.scratchpadlens.tools.ParseBaseline;

/**
 * One jar, several entry points: the web app (no command; Spring options such as
 * {@code --server.port=8081} pass through), {@code import PATH...} (loads files into the
 * configured database and exits, no web server), {@code agreement FILE.csv} (pure
 * statistics, no database, no Spring), {@code generate DIR} (release-shaped test data at
 * any scale) and {@code baseline DIR} (the parse the import benchmark compares against).
 * Every command takes {@code --help} (on standard output, exit 0) and options as
 * {@code --name=value} or {@code --name value}.
 */
final class Commands {

	static final String USAGE = """
			usage: java -jar scratchpad-lens.jar [COMMAND] [OPTIONS]
			  (no command)             run the web app on http://localhost:8080 (Spring options pass through,
			                           e.g. --server.port=8081 --spring.profiles.active=postgres)
			  import PATH...           load a json_outputs tree, the zip, JSON, JSONL, documents or prompt files
			  agreement FILE.csv       inter-rater agreement of a ratings table, as JSON
			  generate DIR             write release-shaped data at any scale (for benchmarks)
			  baseline DIR             time a plain JSON parse of DIR (the import benchmark's yardstick)
			  help                     this text; COMMAND --help for a command's options
			""";

	private Commands() {
	}

	/** True when the arguments start the web app rather than a command. */
	static boolean isWebApp(String[] args) {
		return args.length == 0 || (args[0].startsWith("--") && !OptionSyntax.isHelp(args[0]));
	}

	/**
	 * Runs the command named by {@code command} and returns its exit code.
	 * @param application the Spring Boot application a command that needs the database
	 * starts (without a web server)
	 */
	static int dispatch(Class<?> application, String command, String[] rest, PrintStream out, PrintStream err) {
		return switch (command) {
			case "agreement" -> AgreementCommand.run(rest, out, err);
			case "generate" -> GenerateCommand.run(rest, out, err);
			case "baseline" -> ParseBaseline.run(rest, out, err);
			case "import" -> ImportCommand.launch(application, rest, out, err);
			case "help", "--help", "-h" -> {
				out.print(USAGE);
				yield 0;
			}
			default -> {
				err.println("scratchpad-lens: unknown command '" + command + "'");
				err.print(USAGE);
				yield 2;
			}
		};
	}

}
