package org.scratchpadlens.agreement;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the ratings CSV format. Every complaint names the line, because the files are
 * edited by hand.
 */
final class RatingTableCsv {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

	private RatingTableCsv() {
	}

	static RatingTable read(Path file) throws IOException, MalformedTableException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader);
		}
	}

	static RatingTable read(Reader reader) throws IOException, MalformedTableException {
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			CSVRecord header = next(records, parser);
			if (header == null) {
				throw new MalformedTableException(1, "empty file; expected a header 'item,<rater ids>'");
			}
			long headerLine = parser.getCurrentLineNumber();
			List<String> headerCells = cells(header);
			String first = headerCells.get(0).replace("\uFEFF", "").strip();
			if (!"item".equals(first.toLowerCase(Locale.ROOT))) {
				throw new MalformedTableException(headerLine,
						"expected a header starting with 'item' followed by rater ids, found '" + first + "'");
			}
			List<String> raters = new ArrayList<>();
			for (int c = 1; c < headerCells.size(); c++) {
				String id = headerCells.get(c).strip();
				if (id.isEmpty()) {
					throw new MalformedTableException(headerLine, "rater id in column " + (c + 1) + " is empty");
				}
				if (raters.contains(id)) {
					throw new MalformedTableException(headerLine, "duplicate rater id '" + id + "'");
				}
				raters.add(id);
			}
			if (raters.isEmpty()) {
				throw new MalformedTableException(headerLine, "the header names no raters");
			}
			RatingTable.Builder builder = RatingTable.builder(raters);
			int expected = headerCells.size();
			CSVRecord record;
			while ((record = next(records, parser)) != null) {
				long line = parser.getCurrentLineNumber();
				List<String> row = cells(record);
				if (row.size() != expected) {
					throw new MalformedTableException(line, "expected " + expected + " cells, found " + row.size());
				}
				String item = row.get(0).strip();
				if (item.isEmpty()) {
					throw new MalformedTableException(line, "the item id is empty");
				}
				try {
					builder.add(item, line, row.subList(1, row.size()).toArray(String[]::new));
				}
				catch (IllegalArgumentException ex) {
					throw new MalformedTableException(line, ex.getMessage());
				}
			}
			return builder.build();
		}
	}

	// Commons CSV reports syntax errors (an unclosed quote) as UncheckedIOException from
	// the iterator.
	private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) throws MalformedTableException {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw new MalformedTableException(parser.getCurrentLineNumber() + 1,
					"not valid CSV: " + ex.getCause().getMessage());
		}
	}

	private static List<String> cells(CSVRecord record) {
		List<String> cells = new ArrayList<>(record.size());
		record.forEach(cells::add);
		return cells;
	}

}
