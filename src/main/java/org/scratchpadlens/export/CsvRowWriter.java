package org.scratchpadlens.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF line ends, quotes only where needed), text cells neutralised by
 * {@link CsvCells}, booleans {@code TRUE}/{@code FALSE}, missing an empty cell. Booleans
 * are upper case because R's {@code read.csv} (4.2) reads a column of {@code true},
 * {@code false} and empty cells as text, and {@code TRUE}, {@code FALSE} and empty cells
 * as logical; pandas' {@code read_csv} takes either.
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
		if (value instanceof Boolean b) {
			// R's read.csv reads lower-case true/false as text as soon as a cell is empty
			return b ? "TRUE" : "FALSE";
		}
		return value.toString();
	}

	@Override
	public void flush() throws IOException {
		printer.flush();
		out.flush();
	}

}
