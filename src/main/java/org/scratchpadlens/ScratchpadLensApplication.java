package org.scratchpadlens;

import java.util.Arrays;

import org.scratchpadlens.agreement.cli.AgreementCommand;
import org.scratchpadlens.ingest.cli.ImportCommand;
import org.scratchpadlens.ingest.sample.GenerateCommand;
import org.scratchpadlens.ingest.sample.ParseBaseline;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, four entry points: the web app (no arguments), {@code import PATH...} (loads
 * files into the configured database and exits, no web server) {@code agreement FILE.csv}
 * (pure statistics, no database, no Spring) and {@code generate DIR} (release-shaped test
 * data at any scale).
 */
@SpringBootApplication
public class ScratchpadLensApplication {

	public static void main(String[] args) {
		// H2 caches every value it reads or writes in a hash map, hashing whole 20-40 kB
		// transcript texts to do so;
		// the store never benefits from that cache. An explicit -Dh2.objectCache wins.
		System.setProperty("h2.objectCache", System.getProperty("h2.objectCache", "false"));
		if (args.length > 0 && "agreement".equals(args[0])) {
			System.exit(AgreementCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "generate".equals(args[0])) {
			System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "baseline".equals(args[0])) {
			System.exit(ParseBaseline.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(ImportCommand.launch(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(ScratchpadLensApplication.class, args);
	}

}
