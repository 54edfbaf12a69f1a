package org.scratchpadlens.ingest;

/** The sentence a person can use from a database error. */
final class DatabaseMessages {

	private DatabaseMessages() {
	}

	/**
	 * The innermost cause's first line: H2 ends it with "; SQL statement:" and the
	 * statement on the next lines, which are not for people.
	 */
	static String root(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		String m = t.getMessage();
		if (m == null) {
			return t.getClass().getSimpleName();
		}
		// H2 ends its first line with "; SQL statement:" (the statement follows on the
		// next lines, which are not for people)
		return m.lines().findFirst().orElse(m).replaceFirst(";?\\s*SQL statement:?\\s*$", "");
	}

}
