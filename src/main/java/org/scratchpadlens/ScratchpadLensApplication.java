package org.scratchpadlens;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web app, or one of the jar's commands ({@link Commands}).
 */
@SpringBootApplication
public class ScratchpadLensApplication {

	public static void main(String[] args) {
		// H2 caches every value it reads or writes in a hash map, hashing whole 20-40 kB
		// transcript texts to do so; the store never benefits from that cache. An
		// explicit -Dh2.objectCache wins.
		System.setProperty("h2.objectCache", System.getProperty("h2.objectCache", "false"));
		if (Commands.isWebApp(args)) {
			SpringApplication.run(ScratchpadLensApplication.class, args);
			return;
		}
		System.exit(Commands.dispatch(ScratchpadLensApplication.class, args[0],
				Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
	}

}
