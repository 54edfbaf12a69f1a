package org.scratchpadlens.ingest.cli;

public final class ImportCommand {

	private ImportCommand() {
	}

	public static int launch(String[] args) {
		System.err.println("import: not built yet");
		return 1;
	}

}
