package org.scratchpadlens.ingest.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Where the sample data comes from: a folder named by
 * {@code scratchpad.sample-data.path}, or else the copy the build packs into the jar
 * ({@code sample-data/} on the class path), unpacked into a temporary folder for the
 * import to walk.
 */
@Component
class SampleFiles {

	/** How reports show the sample files. */
	static final String LABEL = "sample-data";

	private static final String CLASSPATH_ROOT = "sample-data/";

	private final String folder;

	SampleFiles(@Value("${scratchpad.sample-data.path:}") String folder) {
		this.folder = folder;
	}

	String describe() {
		return folder.isBlank() ? "the samples in the application (classpath:" + CLASSPATH_ROOT + ")"
				: Path.of(folder).toAbsolutePath().toString();
	}

	/** The sample files in a folder, or null when there are none. */
	Unpacked unpack() {
		if (!folder.isBlank()) {
			Path path = Path.of(folder);
			return Files.isDirectory(path) ? new Unpacked(path, false) : null;
		}
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + CLASSPATH_ROOT + "**/*");
			Path root = Files.createTempDirectory("scratchpad-samples");
			int copied = 0;
			for (Resource r : resources) {
				String relative = relativePath(r);
				if (relative == null || relative.isEmpty() || relative.endsWith("/") || !r.isReadable()) {
					continue;
				}
				Path target = root.resolve(relative).normalize();
				if (!target.startsWith(root)) {
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = r.getInputStream()) {
					Files.copy(in, target);
					copied++;
				}
				catch (IOException e) {
					// a directory entry of the jar reads as an empty stream or fails: not
					// a
					// sample file
				}
			}
			Unpacked unpacked = new Unpacked(root, true);
			if (copied == 0) {
				unpacked.close();
				return null;
			}
			return unpacked;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot unpack the sample data", e);
		}
	}

	private static String relativePath(Resource r) throws IOException {
		String url = URLDecoder.decode(r.getURL().toString(), StandardCharsets.UTF_8);
		int at = url.lastIndexOf("/" + CLASSPATH_ROOT);
		return at < 0 ? null : url.substring(at + CLASSPATH_ROOT.length() + 1);
	}

	/** A folder of sample files; a temporary copy is deleted on close. */
	record Unpacked(Path root, boolean temporary) implements AutoCloseable {

		@Override
		public void close() {
			if (!temporary) {
				return;
			}
			try (Stream<Path> all = Files.walk(root)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a temporary folder left behind is harmless
			}
		}

	}

}
