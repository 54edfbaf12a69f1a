package org.scratchpadlens.ingest.sample;

import java.io.PrintStream;

/** Placeholder: the release-shaped data generator. */
public final class GenerateCommand {

	private GenerateCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		err.println("generate: not built yet");
		return 1;
	}

}
