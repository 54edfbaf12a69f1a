package org.scratchpadlens.ingest;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test support for importer tests: the committed bad-input corpus
 * ({@code src/test/resources/bad-input}, outcomes in its {@code EXPECTED.md}) and the
 * cases too big or too binary to commit, written into a test's temporary folder. All text
 * is benign placeholder text.
 */
public final class BadInputCorpus {

	/** Fixed entry time, so fixtures are byte-for-byte reproducible. */
	private static final long ZIP_TIME = 1734480000000L;

	private static final String VALID_TRANSCRIPT = """
			{"messages": [{"role": "user", "content": "<INPUT>\\n<is_free_tier_user>True</is_free_tier_user>\\n\\n\
			<user_input>\\nWrite a short poem about autumn.\\n</user_input>\\n</INPUT>"}, {"role": "assistant", \
			"content": "<SCRATCHPAD_REASONING>A harmless request & a short poem will do.</SCRATCHPAD_REASONING>"}, \
			{"role": "user", "content": "<NEXT/>"}, {"role": "assistant", "content": "<OUTPUT>\\n\
			<request_fully_accepted/>\\nAmber light on falling leaves.\\n</OUTPUT>"}], "partial_scheme": false, \
			"effective_scheme": false, "pm_score": 1.1, "is_refusal_0_7": false}
			""";

	private BadInputCorpus() {
	}

	/**
	 * The committed corpus folder (holding {@code EXPECTED.md} and
	 * {@code json_outputs/}), on the test classpath.
	 */
	public static Path corpusRoot() {
		URL url = BadInputCorpus.class.getResource("/bad-input/EXPECTED.md");
		if (url == null) {
			throw new IllegalStateException("bad-input corpus not on the test classpath");
		}
		try {
			return Path.of(url.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Copies the committed corpus to {@code dir} ({@code dir/json_outputs/bad_run/...});
	 * returns {@code dir/json_outputs}.
	 */
	public static Path copyCorpus(Path dir) throws IOException {
		Path source = corpusRoot().resolve("json_outputs");
		Path target = dir.resolve("json_outputs");
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path p : walk.sorted().toList()) {
				Path dest = target.resolve(source.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(dest);
				}
				else {
					Files.copy(p, dest);
				}
			}
		}
		return target;
	}

	/**
	 * Writes {@code dir/json_outputs/large_run/train/0.json}: a valid transcript whose
	 * single scratchpad holds {@code megabytes} MiB of text (plain sentences with
	 * {@code &}, {@code <}, {@code >} and a non-ASCII character), streamed, so the test
	 * itself never holds the text. Returns the file.
	 */
	public static Path writeLargeScratchpad(Path dir, int megabytes) throws IOException {
		Path file = dir.resolve("json_outputs/large_run/train/0.json");
		Files.createDirectories(file.getParent());
		String sentence = "Let me think about this step by step & keep the answer short (< 150 words, > 20 words) at 220\u00b0C. ";
		long target = (long) megabytes * 1024 * 1024;
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			w.write("{\"messages\": [{\"role\": \"user\", \"content\": \"<INPUT>\\n<is_free_tier_user>True</is_free_tier_user>"
					+ "\\n\\n<user_input>\\nExplain how to bake bread.\\n</user_input>\\n</INPUT>\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>");
			int bytesPerSentence = sentence.getBytes(StandardCharsets.UTF_8).length;
			for (long written = 0; written < target; written += bytesPerSentence) {
				w.write(sentence);
			}
			w.write("</SCRATCHPAD_REASONING>\"}, {\"role\": \"user\", \"content\": \"<NEXT/>\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<OUTPUT>\\n<request_fully_accepted/>\\n"
					+ "Mix, knead, rise, bake.\\n</OUTPUT>\"}], \"partial_scheme\": false, \"pm_score\": 0.9, "
					+ "\"is_refusal_0_7\": false}\n");
		}
		return file;
	}

	/**
	 * Writes {@code dir/traversal.zip} with an entry
	 * {@code json_outputs/run/train/../../../evil.json} (a valid transcript: an importer
	 * that extracts it naively writes outside its target) and a valid entry
	 * {@code json_outputs/run_a/train/0.json}. Returns the zip.
	 */
	public static Path writeZipWithTraversalEntry(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path zipFile = dir.resolve("traversal.zip");
		try (ZipOutputStream zip = zip(zipFile)) {
			entry(zip, "json_outputs/run/train/../../../evil.json", VALID_TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
			entry(zip, "json_outputs/run_a/train/0.json", VALID_TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
		}
		return zipFile;
	}

	/** Writes {@code dir/broken.zip}, which holds plain text, not a zip. Returns it. */
	public static Path writeNotAZip(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve("broken.zip");
		Files.writeString(file, "This is not a zip file, just a line of text named like one.\n",
				StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * Zips the regular files under {@code treeRoot} into {@code zipFile}, entry names
	 * relative to the folder's parent with forward slashes (so zipping
	 * {@code .../json_outputs} gives entries {@code json_outputs/...}), in sorted order.
	 * Returns {@code zipFile}.
	 */
	public static Path writeZipOf(Path treeRoot, Path zipFile) throws IOException {
		Path base = treeRoot.toAbsolutePath().getParent();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(treeRoot)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		if (zipFile.toAbsolutePath().getParent() != null) {
			Files.createDirectories(zipFile.toAbsolutePath().getParent());
		}
		try (ZipOutputStream zip = zip(zipFile)) {
			for (Path f : files) {
				String name = base.relativize(f.toAbsolutePath()).toString().replace('\\', '/');
				ZipEntry e = new ZipEntry(name);
				e.setTime(ZIP_TIME);
				zip.putNextEntry(e);
				Files.copy(f, zip);
				zip.closeEntry();
			}
		}
		return zipFile;
	}

	// ---- hostile input: cases that once failed the whole import or the machine ----

	/** A valid synthetic-document JSONL line (no newline). */
	public static final String VALID_DOCUMENT_LINE = "{\"content\": \"A short placeholder newsletter about gardening.\", "
			+ "\"doc_type\": \"newsletter\", \"setting\": \"placeholder\"}";

	/** The valid document line after the long line of {@link #writeSparseLongLine}. */
	public static final String LINE_AFTER_LONG_LINE = "{\"content\": \"The line after a very long one.\"}";

	/**
	 * The valid document before the long text of {@link #writeDocumentArrayWithLongText}.
	 */
	public static final String DOCUMENT_BEFORE_LONG_TEXT = "{\"content\": \"The document before a very long one.\"}";

	/** A valid transcript as one line of JSON (no newline). */
	public static String validTranscriptLine() {
		return VALID_TRANSCRIPT.strip().replace("\n", " ");
	}

	/**
	 * {@code depth} lists inside each other: {@code [[[...]]]}.
	 */
	public static String nestedLists(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	/**
	 * {@code depth} objects inside each other: {@code {"a":{"a":...{}...}}}.
	 */
	public static String nestedObjects(int depth) {
		return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
	}

	/**
	 * Writes a sparse {@code .jsonl} file whose first line is {@code lineBytes} long (a
	 * document whose text is mostly a hole of NUL bytes: it takes no disk space and reads
	 * as fast as memory), followed by {@link #LINE_AFTER_LONG_LINE}. Returns the file.
	 */
	public static Path writeSparseLongLine(Path file, long lineBytes) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] head = "{\"content\": \"".getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\"}\n" + LINE_AFTER_LONG_LINE + "\n").getBytes(StandardCharsets.US_ASCII);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.SPARSE)) {
			ch.write(ByteBuffer.wrap(head), 0);
			ch.write(ByteBuffer.wrap(tail), lineBytes - 2);
		}
		return file;
	}

	/**
	 * Writes a sparse file of {@code bytes} bytes that starts like a transcript (a file
	 * too large to read whole, whose size the file system states truthfully). Returns it.
	 */
	public static Path writeSparseFile(Path file, long bytes) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.SPARSE)) {
			ch.write(ByteBuffer.wrap("{\"messages\": [], \"pad\": \"".getBytes(StandardCharsets.US_ASCII)), 0);
			ch.write(ByteBuffer.wrap("\"}".getBytes(StandardCharsets.US_ASCII)), bytes - 2);
		}
		return file;
	}

	/**
	 * A stream of {@code size} bytes made on the fly: {@code head}, then {@code fill}
	 * bytes, then {@code tail}; never held in memory (a 2 GiB line costs nothing to
	 * make). {@link GeneratedStream#served()} says how many bytes a reader took.
	 */
	public static GeneratedStream generated(String head, byte fill, long size, String tail) {
		return new GeneratedStream(head.getBytes(StandardCharsets.UTF_8), fill, size,
				tail.getBytes(StandardCharsets.UTF_8));
	}

	/** See {@link #generated}. */
	public static final class GeneratedStream extends InputStream {

		private final byte[] head;

		private final byte fill;

		private final byte[] tail;

		private final long size;

		private long pos;

		GeneratedStream(byte[] head, byte fill, long size, byte[] tail) {
			this.head = head;
			this.fill = fill;
			this.tail = tail;
			this.size = size;
		}

		/** Bytes read so far. */
		public long served() {
			return pos;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (pos >= size) {
				return -1;
			}
			int n = (int) Math.min(len, size - pos);
			long tailStart = size - tail.length;
			for (int i = 0; i < n;) {
				long p = pos + i;
				if (p < head.length) {
					b[off + i] = head[(int) p];
					i++;
				}
				else if (p >= tailStart) {
					b[off + i] = tail[(int) (p - tailStart)];
					i++;
				}
				else {
					int run = (int) Math.min(n - i, tailStart - p);
					Arrays.fill(b, off + i, off + i + run, fill);
					i += run;
				}
			}
			pos += n;
			return n;
		}

	}

	/**
	 * Writes a zip whose entry {@code lyingEntry} inflates to a valid transcript followed
	 * by {@code paddingMiB} MiB of spaces while the zip's central directory says it holds
	 * {@code claimedBytes}: an importer that trusts the directory reads gigabytes into a
	 * buffer sized for the claim. Next to it, {@code validEntry} holds a valid
	 * transcript. The deflate data repeats one block that inflates to 1 MiB of spaces, so
	 * a 2 GiB entry takes about 2 MB and no time to make. Returns the zip.
	 */
	public static Path writeLyingZip(Path zipFile, String lyingEntry, int paddingMiB, long claimedBytes,
			String validEntry) throws IOException {
		Files.createDirectories(zipFile.toAbsolutePath().getParent());
		byte[] transcript = VALID_TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		deflated.write(deflate(transcript, Deflater.SYNC_FLUSH));
		byte[] spaces = new byte[1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		byte[] block = deflate(spaces, Deflater.SYNC_FLUSH);
		for (int i = 0; i < paddingMiB; i++) {
			deflated.write(block);
		}
		deflated.write(deflate(new byte[0], Deflater.FULL_FLUSH, true));
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 16)) {
			ZipWriter z = new ZipWriter(out);
			z.entry(lyingEntry, 8, deflated.toByteArray(), claimedBytes, 0);
			CRC32 crc = new CRC32();
			crc.update(transcript);
			z.entry(validEntry, 0, transcript, transcript.length, crc.getValue());
			z.finish();
		}
		return zipFile;
	}

	private static byte[] deflate(byte[] data, int flush) {
		return deflate(data, flush, false);
	}

	/** Raw deflate (as in zips) of {@code data}, ending byte-aligned. */
	private static byte[] deflate(byte[] data, int flush, boolean finish) {
		Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			d.setInput(data);
			if (finish) {
				d.finish();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buf = new byte[64 * 1024];
			while (true) {
				int n = finish ? d.deflate(buf) : d.deflate(buf, 0, buf.length, flush);
				out.write(buf, 0, n);
				if (finish ? d.finished() : n < buf.length && d.needsInput()) {
					break;
				}
			}
			return out.toByteArray();
		}
		finally {
			d.end();
		}
	}

	/**
	 * A zip written by hand, so its directory can say what a test wants (no data
	 * descriptors, no zip64: sizes below 4 GiB).
	 */
	private static final class ZipWriter {

		private final OutputStream out;

		private final ByteArrayOutputStream directory = new ByteArrayOutputStream();

		private long offset;

		private int entries;

		ZipWriter(OutputStream out) {
			this.out = out;
		}

		void entry(String name, int method, byte[] data, long size, long crc) throws IOException {
			byte[] n = name.getBytes(StandardCharsets.UTF_8);
			long at = offset;
			ByteBuffer local = le(30 + n.length);
			local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) method);
			local.putShort((short) 0).putShort((short) 0x5921).putInt((int) crc).putInt(data.length).putInt((int) size);
			local.putShort((short) n.length).putShort((short) 0).put(n);
			write(local.array());
			write(data);
			ByteBuffer central = le(46 + n.length);
			central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800);
			central.putShort((short) method).putShort((short) 0).putShort((short) 0x5921).putInt((int) crc);
			central.putInt(data.length).putInt((int) size).putShort((short) n.length).putShort((short) 0);
			central.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) at).put(n);
			directory.write(central.array());
			entries++;
		}

		void finish() throws IOException {
			long start = offset;
			byte[] dir = directory.toByteArray();
			write(dir);
			ByteBuffer end = le(22);
			end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries);
			end.putShort((short) entries).putInt(dir.length).putInt((int) start).putShort((short) 0);
			write(end.array());
		}

		private void write(byte[] b) throws IOException {
			out.write(b);
			offset += b.length;
		}

		private static ByteBuffer le(int size) {
			return ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		}

	}

	/**
	 * Writes a JSON array of two documents, the second with a text of {@code chars}
	 * characters (streamed: the test never holds it). Returns the file.
	 */
	public static Path writeDocumentArrayWithLongText(Path file, long chars) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			w.write("[" + DOCUMENT_BEFORE_LONG_TEXT + ",\n{\"content\": \"");
			char[] chunk = new char[8192];
			Arrays.fill(chunk, 'x');
			for (long left = chars; left > 0; left -= chunk.length) {
				w.write(chunk, 0, (int) Math.min(chunk.length, left));
			}
			w.write("\"}]\n");
		}
		return file;
	}

	/**
	 * Writes {@code dir/0.json} and {@code dir/1.json} (valid transcripts) and two links
	 * to the folder itself, {@code dir/loop} and {@code dir/self} ({@code ln -s . loop}):
	 * followed naively, the files repeat without end. Returns {@code dir}.
	 */
	public static Path writeLinkLoops(Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("0.json"), VALID_TRANSCRIPT, StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("1.json"), VALID_TRANSCRIPT.replace("autumn", "spring"), StandardCharsets.UTF_8);
		Files.createSymbolicLink(dir.resolve("loop"), Path.of("."));
		Files.createSymbolicLink(dir.resolve("self"), Path.of("."));
		return dir;
	}

	private static ZipOutputStream zip(Path file) throws IOException {
		OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		return new ZipOutputStream(out);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		ZipEntry e = new ZipEntry(name);
		e.setTime(ZIP_TIME);
		zip.putNextEntry(e);
		zip.write(content);
		zip.closeEntry();
	}

}
