package org.scratchpadlens.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
			return parse(reader);
		}
		catch (CharacterCodingException ex) {
			// The decoder reads ahead of the parser, so the parser's line is not where
			// the bad byte is: find it.
			throw notUtf8(file);
		}
	}

	static RatingTable read(Reader reader) throws IOException, MalformedTableException {
		try {
			return parse(reader);
		}
		catch (CharacterCodingException ex) {
			throw new MalformedTableException(0, "the input is not valid text in its character set ("
					+ ex.getClass().getSimpleName() + "); " + SAVE_AS_UTF8);
		}
	}

	static final String SAVE_AS_UTF8 = "save the file as UTF-8 (in Excel: 'CSV UTF-8'; or convert it, e.g. "
			+ "iconv -f WINDOWS-1252 -t UTF-8 old.csv > new.csv)";

	/**
	 * The complaint about a file that is not UTF-8: the line and byte of the first
	 * invalid byte sequence, and how to fix it.
	 */
	static MalformedTableException notUtf8(Path file) throws IOException {
		InvalidByte bad = firstInvalidUtf8(file);
		if (bad == null) {
			// Changed between the two reads: say what we know.
			return new MalformedTableException(0, "not UTF-8 text; " + SAVE_AS_UTF8);
		}
		String what = bad.offset() == 0 && bad.utf16()
				? "it looks like UTF-16 (it starts with a UTF-16 byte order mark)"
				: String.format("byte 0x%02X at offset %d is not valid UTF-8%s", bad.value(), bad.offset(),
						bad.value() >= 0x80 ? "; Windows-1252 or Latin-1 accents look like this" : "");
		return new MalformedTableException(bad.line(), "not UTF-8 text: " + what + "; " + SAVE_AS_UTF8);
	}

	record InvalidByte(long line, long offset, int value, boolean utf16) {
	}

	/**
	 * Decodes the file again, counting lines, up to the first byte sequence that is not
	 * UTF-8; null when there is none.
	 */
	static InvalidByte firstInvalidUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(1 << 16);
		// UTF-8 never decodes to more chars than bytes, so one decode call cannot
		// overflow this.
		CharBuffer out = CharBuffer.allocate(1 << 16);
		long line = 1;
		long consumed = 0;
		boolean first = true;
		try (InputStream stream = Files.newInputStream(file)) {
			boolean end = false;
			while (true) {
				int read = stream.read(in.array(), in.position(), in.remaining());
				if (read < 0) {
					end = true;
				}
				else {
					in.position(in.position() + read);
				}
				in.flip();
				boolean utf16 = first && in.remaining() >= 2 && ((in.get(0) == (byte) 0xFF && in.get(1) == (byte) 0xFE)
						|| (in.get(0) == (byte) 0xFE && in.get(1) == (byte) 0xFF));
				first = false;
				CoderResult result = decoder.decode(in, out, end);
				out.flip();
				while (out.hasRemaining()) {
					if (out.get() == '\n') {
						line++;
					}
				}
				out.clear();
				if (result.isError()) {
					return new InvalidByte(line, consumed + in.position(), in.get(in.position()) & 0xFF, utf16);
				}
				consumed += in.position();
				in.compact();
				if (end) {
					return null;
				}
			}
		}
	}

	private static RatingTable parse(Reader reader) throws IOException, MalformedTableException {
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
	// the iterator, and so also the reader's decoding errors, which are passed on.
	private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser)
			throws MalformedTableException, CharacterCodingException {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException coding) {
				throw coding;
			}
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
