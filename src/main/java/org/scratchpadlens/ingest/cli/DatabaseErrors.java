package org.scratchpadlens.ingest.cli;

/** Turns the exceptions of a failed database start into something a person can act on. */
final class DatabaseErrors {

	private DatabaseErrors() {
	}

	static String explain(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String m = String.valueOf(t.getMessage());
			if (m.contains("already in use") || m.contains("Database may be already in use")) {
				return "the embedded database is in use by another process (is the web app running?). The default"
						+ " URL (jdbc:h2:file:./data/scratchpad;AUTO_SERVER=TRUE) lets both share it: start both with"
						+ " that URL, or stop the app and import again.";
			}
			if (m.contains("Connection refused")) {
				return "the database server refused the connection (" + m.lines().findFirst().orElse(m)
						+ "): is it running, and is spring.datasource.url right?";
			}
		}
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage()).lines().findFirst().orElse(root.toString());
	}

}
