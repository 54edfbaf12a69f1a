package org.scratchpadlens.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.scratchpadlens.cli.OptionSyntax;

import tools.jackson.databind.JsonNode;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code baseline DIR [--threads=N]}: the yardstick for the import benchmark. Reads every
 * {@code .json} file under DIR and parses it into a Jackson tree, nothing else, and
 * prints files, bytes and seconds. The import is measured against this: it parses the
 * same files and also hashes, splits sections and writes everything to a database.
 */
public final class ParseBaseline {

	private ParseBaseline() {
	}

	static final String USAGE = "usage: java -jar scratchpad-lens.jar baseline DIR [--threads=N]";

	public static int run(String[] given, PrintStream out, PrintStream err) {
		if (OptionSyntax.asksForHelp(given)) {
			out.println(USAGE);
			return 0;
		}
		Path root = null;
		int threads = 1;
		try {
			for (String a : OptionSyntax.joined(given, Set.of("--threads"))) {
				if (a.startsWith("--threads=")) {
					threads = Integer.parseInt(a.substring(10));
				}
				else if (a.startsWith("-")) {
					throw new IllegalArgumentException("unknown option " + a);
				}
				else if (root == null) {
					root = Path.of(a);
				}
				else {
					throw new IllegalArgumentException("more than one DIR: " + a);
				}
			}
			if (root == null) {
				throw new IllegalArgumentException("DIR is required");
			}
		}
		catch (IllegalArgumentException e) {
			err.println("baseline: " + e.getMessage());
			err.println(USAGE);
			return 2;
		}
		JsonMapper mapper = JsonMapper.builder().build();
		List<Path> files;
		try (Stream<Path> s = Files.walk(root)) {
			files = s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).toList();
		}
		catch (IOException e) {
			err.println("baseline: " + e.getMessage());
			return 1;
		}
		AtomicLong bytes = new AtomicLong();
		AtomicLong nodes = new AtomicLong();
		long start = System.nanoTime();
		Stream<Path> stream = threads > 1 ? files.parallelStream() : files.stream();
		stream.forEach(p -> {
			try {
				byte[] b = Files.readAllBytes(p);
				bytes.addAndGet(b.length);
				JsonNode tree = mapper.readTree(b);
				nodes.addAndGet(tree.size());
			}
			catch (IOException | RuntimeException e) {
				err.println("baseline: " + p + ": " + e.getMessage());
			}
		});
		double secs = (System.nanoTime() - start) / 1e9;
		out.printf("baseline: %d files, %d bytes, %.1f s, %.0f MB/s (plain Jackson readTree, %d thread%s)%n",
				files.size(), bytes.get(), secs, bytes.get() / 1e6 / secs, threads, threads > 1 ? "s" : "");
		return nodes.get() >= 0 ? 0 : 1;
	}

}
