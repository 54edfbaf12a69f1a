package org.scratchpadlens.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF line ends, quotes only where needed), text cells neutralised by
 * {@link CsvCells}, booleans {@code true}/{@code false}, missing an empty cell.
 */
final class CsvRowWriter implements RowWriter {

	private final CSVPrinter printer;

	private final Writer out;

	CsvRowWriter(Writer out) throws IOException {
		this.out = out;
		this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
	}

	@Override
	public void header(List<String> columns) throws IOException {
		printer.printRecord(columns.stream().map(CsvCells::neutralise).toList());
	}

	@Override
	public void row(List<?> values) throws IOException {
		for (Object v : values) {
			printer.print(cell(v));
		}
		printer.println();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String s) {
			return CsvCells.neutralise(s);
		}
		return value.toString();
	}

	@Override
	public void flush() throws IOException {
		printer.flush();
		out.flush();
	}

}
