package org.scratchpadlens.ingest.cli;

import java.io.PrintStream;

import org.scratchpadlens.ingest.ImportProgress;

/**
 * A one-line bar on a terminal; a line every 10 seconds when standard error is not a
 * terminal.
 */
final class ProgressBar implements ImportProgress {

	private static final int WIDTH = 30;

	private final PrintStream err;

	private final boolean terminal;

	private final long started = System.nanoTime();

	private long lastLine;

	private boolean drawn;

	ProgressBar(PrintStream err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	@Override
	public void update(long done, long total) {
		double secs = (System.nanoTime() - started) / 1e9;
		long rate = secs > 0 ? Math.round(done / secs) : 0;
		if (terminal) {
			int filled = total > 0 ? (int) Math.min(WIDTH, WIDTH * done / total) : 0;
			err.printf("\r[%s%s] %,d/%s files  %,d/s  %.0f s ", "#".repeat(filled), " ".repeat(WIDTH - filled), done,
					total > 0 ? String.format("%,d", total) : "?", rate, secs);
			err.flush();
			drawn = true;
		}
		else if (System.nanoTime() - lastLine > 10_000_000_000L) {
			lastLine = System.nanoTime();
			err.printf("import: %,d of %s files, %,d/s%n", done, total > 0 ? String.format("%,d", total) : "?", rate);
		}
	}

	void done() {
		if (drawn) {
			err.println();
		}
	}

}
