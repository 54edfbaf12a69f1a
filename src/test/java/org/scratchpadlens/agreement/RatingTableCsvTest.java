package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingTableCsvTest {

	private static RatingTable read(String csv) throws Exception {
		return RatingTable.readCsv(new StringReader(csv));
	}

	@Test
	void readsRatersItemsAndMissingCells() throws Exception {
		RatingTable table = read("item,A,B,C\n1,yes,,no\n2, yes ,yes,yes\n3,,,\n");
		assertThat(table.raterIds()).containsExactly("A", "B", "C");
		assertThat(table.itemIds()).containsExactly("1", "2", "3");
		assertThat(table.code(0, 1)).isNull();
		assertThat(table.code(1, 0)).isEqualTo("yes");
		assertThat(table.code(2, 2)).isNull();
	}

	@Test
	void quotedCellsMayHoldCommasAndAByteOrderMarkIsIgnored() throws Exception {
		RatingTable table = read("\uFEFFitem,A,B\n\"x,1\",\"faking, clearly\",no\n");
		assertThat(table.itemIds()).containsExactly("x,1");
		assertThat(table.code(0, 0)).isEqualTo("faking, clearly");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"ragged row names its line | item,A,B\\n1,x,y\\n2,x\\n | line 3: expected 3 cells, found 2",
			"too many cells | item,A,B\\n1,x,y,z\\n | line 2: expected 3 cells, found 4",
			"blank lines do not shift line numbers | item,A,B\\n\\n1,x,y\\n\\n2,x\\n | line 5: expected 3 cells, found 2",
			"last line without newline | item,A,B\\n1,x,y\\n2,x | line 3: expected 3 cells, found 2",
			"no header | 1,x,y\\n2,x,y\\n | line 1: expected a header starting with 'item'",
			"header without raters | item\\n1\\n | line 1: the header names no raters",
			"duplicate rater | item,A,A\\n | line 1: duplicate rater id 'A'",
			"duplicate item | item,A\\n1,x\\n1,y\\n | line 3: duplicate item id '1'",
			"empty item id | item,A\\n,x\\n | line 2: the item id is empty", "empty file | '' | line 1: empty file" })
	void malformedInputIsRejectedWithTheLine(String name, String csv, String message) {
		assertThatThrownBy(() -> read(csv.replace("\\n", "\n"))).isInstanceOf(MalformedTableException.class)
			.hasMessageStartingWith(message);
	}

	@Test
	void aFileThatIsNotUtf8SaysSoAndNamesTheLineOfTheFirstBadByte(@TempDir Path dir) throws IOException {
		// Far enough down that the decoder has read ahead of the parser when it fails.
		StringBuilder csv = new StringBuilder("item,A,B\n");
		for (int i = 2; i < 5000; i++) {
			csv.append(i).append(",yes,no\n");
		}
		byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] latin1 = "5000,caf\u00e9,no\n5001,yes,no\n".getBytes(StandardCharsets.ISO_8859_1);
		Path file = dir.resolve("latin1.csv");
		Files.write(file, concat(head, latin1));
		assertThatThrownBy(() -> RatingTable.readCsv(file)).isInstanceOf(MalformedTableException.class)
			.hasMessageStartingWith("line 5000: not UTF-8 text")
			.hasMessageContaining("0xE9")
			.hasMessageContaining("save the file as UTF-8")
			.hasMessageNotContaining("Input length")
			.extracting(ex -> ((MalformedTableException) ex).line())
			.isEqualTo(5000L);
	}

	@Test
	void aUtf16FileIsNamedAsSuch(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("utf16.csv");
		Files.write(file,
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, "item,A\n1,x\n".getBytes(StandardCharsets.UTF_16LE)));
		assertThatThrownBy(() -> RatingTable.readCsv(file)).isInstanceOf(MalformedTableException.class)
			.hasMessageStartingWith("line 1: not UTF-8 text")
			.hasMessageContaining("UTF-16")
			.hasMessageContaining("save the file as UTF-8");
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void unclosedQuoteIsMalformed() {
		assertThatThrownBy(() -> read("item,A\n1,\"x\n")).isInstanceOf(MalformedTableException.class)
			.hasMessageContaining("line");
	}

}
