package org.scratchpadlens.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Walks folders (recursively, in name order) and zips (in place, entry by entry, never
 * unpacked) and hands each file to a consumer. Nothing is read here but directory
 * listings and zip central directories; the consumer opens the file when it gets to it.
 * Hidden files and macOS metadata are skipped; unsafe zip entries are rejected. Links are
 * followed, but a link back into the folders being walked (a loop) or to a folder already
 * read is rejected with its reason, so every walk ends and reads each folder once.
 */
public final class SourceWalker {

	private final Consumer<SourceEntry> sink;

	private final BiConsumer<String, String> reject;

	public SourceWalker(Consumer<SourceEntry> sink, BiConsumer<String, String> reject) {
		this.sink = sink;
		this.reject = reject;
	}

	/**
	 * Paths named by the user, and how reports should show them (uploads show the
	 * uploaded name, not a temp path).
	 */
	private Path labelledRoot;

	private String rootLabel;

	public void walk(Path root) {
		walk(root, null);
	}

	/**
	 * @param label shown in reports instead of {@code root} (files below it as
	 * {@code label/relative/path}); null to show real paths
	 */
	public void walk(Path root, String label) {
		Path abs = root.toAbsolutePath().normalize();
		this.labelledRoot = label == null ? null : abs;
		this.rootLabel = label;
		if (!Files.exists(abs)) {
			reject.accept(label == null ? root.toString() : label, "no such file or folder");
			return;
		}
		List<String> rootSegments = segments(abs);
		int rootIndex = Math.max(0, rootSegments.size() - 1);
		if (Files.isDirectory(abs)) {
			Object key = folderKey(abs);
			if (key == null) {
				return;
			}
			walkDirectory(abs, rootIndex, new Folders(key, abs));
		}
		else {
			visitFile(abs, rootIndex);
		}
	}

	/**
	 * The folders of one walk, by identity (the file system's key, else the real path):
	 * those being walked (the ancestry of the current folder) and every one already
	 * walked. A link is followed, but never into its own ancestry (a loop: {@code ln -s .
	 * loop} turned 2 files into 82 transcripts, and two such links made the walk run
	 * forever) nor into a folder already read through another path (links between folders
	 * could otherwise multiply the walk without any loop).
	 */
	private static final class Folders {

		final Map<Object, Path> walking = new HashMap<>();

		final Map<Object, Path> walked = new HashMap<>();

		Folders(Object rootKey, Path root) {
			walking.put(rootKey, root);
			walked.put(rootKey, root);
		}

	}

	private void walkDirectory(Path dir, int rootIndex, Folders folders) {
		List<Path> children;
		try (Stream<Path> list = Files.list(dir)) {
			children = new ArrayList<>(list.toList());
		}
		catch (IOException e) {
			reject.accept(display(dir), "cannot read folder: " + e.getMessage());
			return;
		}
		Collections.sort(children, (a, b) -> naturalCompare(a.getFileName().toString(), b.getFileName().toString()));
		for (Path child : children) {
			if (isHidden(child.getFileName().toString())) {
				continue;
			}
			if (Files.isDirectory(child)) {
				Object key = folderKey(child);
				if (key == null) {
					continue;
				}
				Path ancestor = folders.walking.get(key);
				if (ancestor != null) {
					reject.accept(display(child), "a link loop: this is a link back to " + display(ancestor)
							+ ", a folder that contains it, so it was not followed (it would repeat the same files"
							+ " forever); nothing is lost, the files are read once where they are");
					continue;
				}
				Path earlier = folders.walked.get(key);
				if (earlier != null) {
					reject.accept(display(child), "the same folder as " + display(earlier)
							+ " (reached again through a link), which was already read: not read twice");
					continue;
				}
				folders.walking.put(key, child);
				folders.walked.put(key, child);
				try {
					walkDirectory(child, rootIndex, folders);
				}
				finally {
					folders.walking.remove(key);
				}
			}
			else {
				visitFile(child, rootIndex);
			}
		}
	}

	/**
	 * What identifies a folder however it is reached: the file system's key (device and
	 * inode) where there is one, else its real path; null (after rejecting it) when it
	 * cannot be read.
	 */
	private Object folderKey(Path dir) {
		try {
			Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
			return key != null ? key : dir.toRealPath();
		}
		catch (IOException e) {
			reject.accept(display(dir), "cannot read folder: " + e.getMessage());
			return null;
		}
	}

	private void visitFile(Path file, int rootIndex) {
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			walkZip(file);
			return;
		}
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException e) {
			reject.accept(display(file), "cannot read file: " + e.getMessage());
			return;
		}
		sink.accept(new SourceEntry(display(file), segments(file), rootIndex, size, () -> Files.newInputStream(file)));
	}

	/**
	 * Zip entries are opened from the archive in place; the archive stays open until all
	 * its entries are read.
	 */
	private void walkZip(Path zip) {
		ZipFile zf;
		try {
			zf = new ZipFile(zip.toFile());
		}
		catch (ZipException e) {
			reject.accept(display(zip),
					"not a zip archive, or a damaged or incomplete one (an interrupted download?): " + e.getMessage());
			return;
		}
		catch (IOException e) {
			reject.accept(display(zip), "cannot read zip archive: " + e.getMessage());
			return;
		}
		try (zf) {
			Enumeration<? extends ZipEntry> entries = zf.entries();
			List<ZipEntry> files = new ArrayList<>();
			while (entries.hasMoreElements()) {
				ZipEntry e = entries.nextElement();
				if (!e.isDirectory()) {
					files.add(e);
				}
			}
			files.sort((a, b) -> naturalCompare(a.getName(), b.getName()));
			for (ZipEntry e : files) {
				String display = display(zip) + "!" + e.getName();
				List<String> segs = entrySegments(e.getName());
				if (segs == null) {
					reject.accept(display, "unsafe zip entry path (contains '..' or is absolute): refused");
					continue;
				}
				if (segs.stream().anyMatch(s -> isHidden(s) || s.equals("__MACOSX"))) {
					continue;
				}
				if (e.getName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
					reject.accept(display, "zip inside a zip: unpack the outer archive first");
					continue;
				}
				sink.accept(new SourceEntry(display, segs, 0, e.getSize(), () -> zf.getInputStream(e), true));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Counts the entries and rejections a walk would report (a cheap pass for the
	 * progress bar). It is the walk itself without opening any file, so it skips, rejects
	 * and descends into zips exactly as the import will.
	 */
	public static long count(List<Path> roots) {
		long[] n = { 0 };
		SourceWalker counter = new SourceWalker(e -> n[0]++, (p, r) -> n[0]++);
		for (Path root : roots) {
			try {
				counter.walk(root);
			}
			catch (UncheckedIOException e) {
				// the real walk reports it
			}
		}
		return n[0];
	}

	/**
	 * The segments of a zip entry's name, or null when it is unsafe: absolute
	 * ({@code /x}, {@code C:/x}) or climbing out with {@code ..}. Empty and {@code .}
	 * segments lead nowhere and are dropped.
	 */
	static List<String> entrySegments(String name) {
		String n = name.replace('\\', '/');
		if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
			return null;
		}
		List<String> segs = new ArrayList<>();
		for (String s : n.split("/")) {
			if (s.equals("..")) {
				return null;
			}
			if (!s.isEmpty() && !s.equals(".")) {
				segs.add(s);
			}
		}
		return segs.isEmpty() ? null : List.copyOf(segs);
	}

	private String display(Path p) {
		if (rootLabel == null) {
			return p.toString();
		}
		Path abs = p.toAbsolutePath().normalize();
		return abs.equals(labelledRoot) ? rootLabel : rootLabel + "/" + labelledRoot.relativize(abs);
	}

	private static boolean isHidden(String name) {
		return name.startsWith(".") || name.equals("__MACOSX") || name.equals("Thumbs.db");
	}

	static List<String> segments(Path p) {
		List<String> out = new ArrayList<>();
		for (Path part : p) {
			out.add(part.toString());
		}
		return out;
	}

	/** Name order with numbers compared by value, so 2.json comes before 10.json. */
	static int naturalCompare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			char ca = a.charAt(i);
			char cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				int si = i;
				int sj = j;
				while (i < a.length() && Character.isDigit(a.charAt(i))) {
					i++;
				}
				while (j < b.length() && Character.isDigit(b.charAt(j))) {
					j++;
				}
				String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
				String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
				int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
				if (c != 0) {
					return c;
				}
			}
			else {
				if (ca != cb) {
					return Character.compare(ca, cb);
				}
				i++;
				j++;
			}
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
