package org.scratchpadlens.agreement.cli;

import java.io.PrintStream;

/** Placeholder replaced by the agreement engine work (issue 3). */
public final class AgreementCommand {

	private AgreementCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		err.println("agreement: not built yet");
		return 1;
	}

}
