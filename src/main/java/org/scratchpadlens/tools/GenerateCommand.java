package org.scratchpadlens.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.scratchpadlens.cli.OptionSyntax;
import org.scratchpadlens.tools.ReleasePlan.Run;
import org.scratchpadlens.tools.TextPools.Query;

/**
 * {@code generate OUT_DIR [--transcripts=75000] [--system-chars=20000] [--seed=42] [--zip] [--threads=N]}:
 * writes benign, release-shaped test data at the release's scale:
 * {@code OUT_DIR/json_outputs/<run>/[<variation>/] {train,deploy}/<N>.json}, or with
 * {@code --zip} a single {@code OUT_DIR/json_outputs.zip} with entries
 * {@code json_outputs/...}. About 40 KB a file with the default prompt size, so 75,000
 * files are about 3 GB.
 * <p>
 * Output depends only on the arguments (not on the thread count): every file draws from
 * its own {@link SplittableRandom} seeded from the seed, the run and the file number, and
 * file {@code N} in train and in deploy of a run share one query. At most one file per
 * thread is held in memory.
 */
public final class GenerateCommand {

	static final String USAGE = "usage: generate OUT_DIR [--transcripts=75000] [--system-chars=20000] [--seed=42] [--zip] [--threads=N]";

	/** Fixed entry time, so the same arguments give the same zip bytes. */
	private static final long ZIP_TIME = 1734480000000L; // 2024-12-18

	private GenerateCommand() {
	}

	record Options(Path outDir, int transcripts, int systemChars, long seed, boolean zip, int threads) {
	}

	private static final Set<String> VALUED = Set.of("--transcripts", "--system-chars", "--seed", "--threads");

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (OptionSyntax.asksForHelp(args)) {
			out.println(USAGE);
			return 0;
		}
		Options options;
		try {
			options = parse(OptionSyntax.joined(args, VALUED));
		}
		catch (IllegalArgumentException ex) {
			err.println("generate: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			long started = System.nanoTime();
			Result result = generate(options, err);
			double seconds = (System.nanoTime() - started) / 1e9;
			out.println(String.format(Locale.ROOT, "generated %d files, %d bytes%s in %.1f s -> %s", result.files(),
					result.bytes(), options.zip() ? " (" + result.zipBytes() + " bytes zipped)" : "", seconds,
					options.zip() ? options.outDir().resolve("json_outputs.zip")
							: options.outDir().resolve("json_outputs")));
			return 0;
		}
		catch (IOException | UncheckedIOException ex) {
			err.println("generate: " + ex.getMessage());
			return 1;
		}
	}

	static Options parse(String[] args) {
		Path outDir = null;
		int transcripts = 75_000;
		int systemChars = 20_000;
		long seed = 42;
		boolean zip = false;
		int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		for (String arg : args) {
			if (arg.equals("--zip")) {
				zip = true;
			}
			else if (arg.startsWith("--transcripts=")) {
				transcripts = positive(arg, 0);
			}
			else if (arg.startsWith("--system-chars=")) {
				systemChars = positive(arg, -1);
			}
			else if (arg.startsWith("--seed=")) {
				seed = Long.parseLong(value(arg));
			}
			else if (arg.startsWith("--threads=")) {
				threads = positive(arg, 0);
			}
			else if (arg.startsWith("--")) {
				throw new IllegalArgumentException("unknown option " + arg);
			}
			else if (outDir == null) {
				outDir = Path.of(arg);
			}
			else {
				throw new IllegalArgumentException("more than one OUT_DIR: " + arg);
			}
		}
		if (outDir == null) {
			throw new IllegalArgumentException("OUT_DIR is required");
		}
		return new Options(outDir, transcripts, systemChars, seed, zip, threads);
	}

	private static String value(String arg) {
		return arg.substring(arg.indexOf('=') + 1);
	}

	private static int positive(String arg, int min) {
		try {
			int v = Integer.parseInt(value(arg));
			if (v <= min) {
				throw new IllegalArgumentException("expected a number > " + min + ": " + arg);
			}
			return v;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a number: " + arg);
		}
	}

	record Result(long files, long bytes, long zipBytes) {
	}

	/**
	 * One unit of work: file {@code index} of a run, in train and (if the run has it)
	 * deploy.
	 */
	private record Unit(int run, int index, boolean hasDeploy) {
	}

	static Result generate(Options o, PrintStream err) throws IOException {
		int[] counts = ReleasePlan.allocate(o.transcripts());
		List<Unit> units = new ArrayList<>();
		for (int r = 0; r < counts.length; r++) {
			int train = (counts[r] + 1) / 2;
			int deploy = counts[r] / 2;
			for (int i = 0; i < train; i++) {
				units.add(new Unit(r, i, i < deploy));
			}
		}
		byte[][] prompts = ReleasePlan.systemPrompts(o.systemChars(), o.seed());
		Files.createDirectories(o.outDir());
		Progress progress = new Progress(o.transcripts(), err);
		if (o.zip()) {
			Path zipFile = o.outDir().resolve("json_outputs.zip");
			writeZip(zipFile, units, prompts, o.seed(), progress);
			progress.finish();
			return new Result(progress.files.get(), progress.bytes.get(), Files.size(zipFile));
		}
		writeTree(o.outDir().resolve("json_outputs"), units, prompts, o.seed(), o.threads(), progress);
		progress.finish();
		return new Result(progress.files.get(), progress.bytes.get(), 0);
	}

	private static void writeTree(Path root, List<Unit> units, byte[][] prompts, long seed, int threads,
			Progress progress) throws IOException {
		for (Run run : ReleasePlan.RUNS) {
			Files.createDirectories(root.resolve(run.path()).resolve("train"));
			Files.createDirectories(root.resolve(run.path()).resolve("deploy"));
		}
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					JsonBytes buf = new JsonBytes(64 * 1024);
					for (int u = next.getAndIncrement(); u < units.size(); u = next.getAndIncrement()) {
						Unit unit = units.get(u);
						Run run = ReleasePlan.RUNS.get(unit.run());
						Path dir = root.resolve(run.path());
						writeFile(dir.resolve("train").resolve(unit.index() + ".json"), buf, unit, true, prompts, seed,
								progress);
						if (unit.hasDeploy()) {
							writeFile(dir.resolve("deploy").resolve(unit.index() + ".json"), buf, unit, false, prompts,
									seed, progress);
						}
					}
					return null;
				}));
			}
			while (!futures.stream().allMatch(Future::isDone)) {
				progress.maybeReport();
				Thread.sleep(200);
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof UncheckedIOException uio) {
				throw uio.getCause();
			}
			throw new IllegalStateException(cause);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void writeFile(Path file, JsonBytes buf, Unit unit, boolean train, byte[][] prompts, long seed,
			Progress progress) throws IOException {
		compose(buf, unit, train, prompts, seed);
		try (OutputStream os = Files.newOutputStream(file)) {
			buf.writeTo(os);
		}
		progress.add(buf.length());
	}

	private static void writeZip(Path zipFile, List<Unit> units, byte[][] prompts, long seed, Progress progress)
			throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(
				new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 16))) {
			// Text from small pools compresses well even at the fastest level, and
			// deflate is the bottleneck here.
			zip.setLevel(Deflater.BEST_SPEED);
			Set<String> dirs = new HashSet<>();
			directory(zip, "json_outputs/", dirs);
			JsonBytes buf = new JsonBytes(64 * 1024);
			// Per run: all train files, then all deploy files, like a zip made from a
			// sorted tree.
			for (int start = 0; start < units.size();) {
				int run = units.get(start).run();
				int end = start;
				while (end < units.size() && units.get(end).run() == run) {
					end++;
				}
				String base = "json_outputs/" + ReleasePlan.RUNS.get(run).path() + "/";
				String dir = "json_outputs/";
				for (String part : ReleasePlan.RUNS.get(run).path().split("/")) {
					dir += part + "/";
					directory(zip, dir, dirs);
				}
				for (String split : new String[] { "train", "deploy" }) {
					boolean train = split.equals("train");
					directory(zip, base + split + "/", dirs);
					for (int u = start; u < end; u++) {
						Unit unit = units.get(u);
						if (!train && !unit.hasDeploy()) {
							continue;
						}
						compose(buf, unit, train, prompts, seed);
						ZipEntry entry = new ZipEntry(base + split + "/" + unit.index() + ".json");
						entry.setTime(ZIP_TIME);
						zip.putNextEntry(entry);
						buf.writeTo(zip);
						zip.closeEntry();
						progress.add(buf.length());
						progress.maybeReport();
					}
				}
				start = end;
			}
		}
	}

	private static void directory(ZipOutputStream zip, String name, Set<String> written) throws IOException {
		if (!written.add(name)) {
			return;
		}
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(ZIP_TIME);
		zip.putNextEntry(entry);
		zip.closeEntry();
	}

	private static void compose(JsonBytes buf, Unit unit, boolean train, byte[][] prompts, long seed) {
		Run run = ReleasePlan.RUNS.get(unit.run());
		long pairSeed = mix(seed, unit.run(), unit.index());
		Query query = TextPools.query(run.setting(), new SplittableRandom(pairSeed));
		buf.reset();
		TranscriptComposer.compose(buf, run, prompts[run.systemPrompt()], query, train,
				new SplittableRandom(mix(pairSeed, train ? 1 : 2, 0)));
	}

	/** A well-spread seed for one file, independent of the order files are written in. */
	static long mix(long seed, int a, int b) {
		long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Counts files and bytes; reports to stderr at most every two seconds. */
	private static final class Progress {

		final AtomicLong files = new AtomicLong();

		final AtomicLong bytes = new AtomicLong();

		private final int total;

		private final PrintStream err;

		private final long started = System.nanoTime();

		private volatile long lastReport = System.nanoTime();

		Progress(int total, PrintStream err) {
			this.total = total;
			this.err = err;
		}

		void add(int fileBytes) {
			this.files.incrementAndGet();
			this.bytes.addAndGet(fileBytes);
		}

		void maybeReport() {
			long now = System.nanoTime();
			if (now - this.lastReport >= 2_000_000_000L) {
				this.lastReport = now;
				report(now);
			}
		}

		void finish() {
			report(System.nanoTime());
		}

		private void report(long now) {
			long f = this.files.get();
			this.err.println(String.format(Locale.ROOT, "generate: %d/%d files (%d%%), %.2f GB, %.1f s", f, this.total,
					this.total == 0 ? 100 : f * 100 / this.total, this.bytes.get() / 1e9, (now - this.started) / 1e9));
		}

	}

}
