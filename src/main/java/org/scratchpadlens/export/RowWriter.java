package org.scratchpadlens.export;

import java.io.IOException;
import java.util.List;

/**
 * Where an export's rows go, one at a time, as they are read: CSV or JSON Lines. A value
 * is a {@link String}, a {@link Number}, a {@link Boolean} or null (missing).
 */
interface RowWriter {

	void header(List<String> columns) throws IOException;

	void row(List<?> values) throws IOException;

	/** Sends what is buffered (after each batch of rows, so the download progresses). */
	void flush() throws IOException;

}
