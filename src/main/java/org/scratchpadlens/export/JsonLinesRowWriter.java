package org.scratchpadlens.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one object per row, keyed by the column names, values typed (strings as
 * they are: JSON needs no neutralising), missing values null.
 */
final class JsonLinesRowWriter implements RowWriter {

	private final Writer out;

	private List<String> columns;

	JsonLinesRowWriter(Writer out) {
		this.out = out;
	}

	@Override
	public void header(List<String> columns) {
		this.columns = columns;
	}

	@Override
	public void row(List<?> values) throws IOException {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			row.put(columns.get(i), values.get(i));
		}
		out.write(JsonMapper.shared().writeValueAsString(row));
		out.write('\n');
	}

	@Override
	public void flush() throws IOException {
		out.flush();
	}

}
