package org.scratchpadlens.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One file found in an import source: a file on disk or an entry of a zip, read in place.
 *
 * @param displayPath what reports show: the file's path, or
 * {@code archive.zip!entry/path}
 * @param segments the path's segments, used to find run, split and file name
 * @param rootIndex index in {@code segments} of the folder or archive the user named (run
 * paths outside a {@code json_outputs} folder are taken from there)
 * @param size the size the source claims: the file system's, or the one in the zip's
 * central directory (which can be wrong); -1 when unknown. Readers count the bytes they
 * actually read and never trust this for more than a first guess.
 * @param zipEntry whether {@code size} comes from a zip's directory (so a file longer
 * than it is a damaged or crafted archive, not one that grew while it was read)
 */
public record SourceEntry(String displayPath, List<String> segments, int rootIndex, long size, Opener opener,
		boolean zipEntry) {

	/** A file on disk (or any stream a test supplies). */
	public SourceEntry(String displayPath, List<String> segments, int rootIndex, long size, Opener opener) {
		this(displayPath, segments, rootIndex, size, opener, false);
	}

	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	public String fileName() {
		return segments.get(segments.size() - 1);
	}

	public InputStream open() throws IOException {
		return opener.open();
	}

}
