package org.scratchpadlens;

import java.io.PrintStream;
import java.util.Arrays;

import org.scratchpadlens.agreement.cli.AgreementCommand;
import org.scratchpadlens.ingest.cli.ImportCommand;
import org.scratchpadlens.ingest.sample.GenerateCommand;
import org.scratchpadlens.ingest.sample.ParseBaseline;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, several entry points: the web app (no command; Spring options such as
 * {@code --server.port=8081} pass through), {@code import PATH...} (loads files into the
 * configured database and exits, no web server), {@code agreement FILE.csv} (pure
 * statistics, no database, no Spring), {@code generate DIR} (release-shaped test data at
 * any scale) and {@code baseline DIR} (the parse the import benchmark compares against).
 */
@SpringBootApplication
public class ScratchpadLensApplication {

	static final String USAGE = """
			usage: java -jar scratchpad-lens.jar [COMMAND] [OPTIONS]
			  (no command)             run the web app on http://localhost:8080 (Spring options pass through,
			                           e.g. --server.port=8081 --spring.profiles.active=postgres)
			  import PATH...           load a json_outputs tree, the zip, JSON, JSONL, documents or prompt files
			  agreement FILE.csv       inter-rater agreement of a ratings table, as JSON
			  generate DIR             write release-shaped sample data at any scale (for benchmarks)
			  baseline DIR             time a plain JSON parse of DIR (the import benchmark's yardstick)
			  help                     this text; COMMAND --help for a command's options
			""";

	public static void main(String[] args) {
		// H2 caches every value it reads or writes in a hash map, hashing whole 20-40 kB
		// transcript texts to do so; the store never benefits from that cache. An
		// explicit
		// -Dh2.objectCache wins.
		System.setProperty("h2.objectCache", System.getProperty("h2.objectCache", "false"));
		String command = args.length == 0 ? null : args[0];
		String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
		if (command == null || (command.startsWith("--") && !isHelp(command))) {
			SpringApplication.run(ScratchpadLensApplication.class, args);
			return;
		}
		System.exit(dispatch(command, rest, System.out, System.err));
	}

	static int dispatch(String command, String[] rest, PrintStream out, PrintStream err) {
		return switch (command) {
			case "agreement" -> AgreementCommand.run(rest, out, err);
			case "generate" -> GenerateCommand.run(rest, out, err);
			case "baseline" -> ParseBaseline.run(rest, out, err);
			case "import" -> ImportCommand.launch(rest);
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

	private static boolean isHelp(String arg) {
		return arg.equals("--help") || arg.equals("-h");
	}

}
