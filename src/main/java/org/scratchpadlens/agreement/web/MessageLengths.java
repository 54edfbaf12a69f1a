package org.scratchpadlens.agreement.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The length of each message of the transcripts whose evidence spans are compared (the
 * unitizing continuum), read once per transcript: messages change only with an import,
 * and a kept campaign's lengths are dropped then. Reading them for 75,000 transcripts
 * costs seconds; after a label changes, none are read again.
 */
final class MessageLengths {

	private final Function<Collection<Long>, List<AgreementQueries.MessageLength>> reader;

	/**
	 * What the lengths were read under (the imports' signature): part of a fingerprint.
	 */
	private final String version;

	/** Per transcript: ordinal, length, ordinal, length, … by ordinal. */
	private final Map<Long, int[]> byTranscript = new HashMap<>();

	MessageLengths(Function<Collection<Long>, List<AgreementQueries.MessageLength>> reader, String version) {
		this.reader = reader;
		this.version = version;
	}

	String version() {
		return version;
	}

	/** The messages of these transcripts, read from the store where not known yet. */
	synchronized Map<Long, int[]> of(long[] transcripts) {
		List<Long> missing = new ArrayList<>();
		for (long id : transcripts) {
			if (!byTranscript.containsKey(id)) {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			Map<Long, List<AgreementQueries.MessageLength>> read = new HashMap<>();
			for (AgreementQueries.MessageLength m : reader.apply(missing)) {
				read.computeIfAbsent(m.transcriptId(), k -> new ArrayList<>()).add(m);
			}
			for (long id : missing) {
				List<AgreementQueries.MessageLength> messages = read.getOrDefault(id, List.of());
				int[] pairs = new int[messages.size() * 2];
				List<AgreementQueries.MessageLength> sorted = new ArrayList<>(messages);
				sorted.sort(Comparator.comparingInt(AgreementQueries.MessageLength::ordinal));
				for (int i = 0; i < sorted.size(); i++) {
					pairs[2 * i] = sorted.get(i).ordinal();
					pairs[2 * i + 1] = sorted.get(i).length();
				}
				byTranscript.put(id, pairs);
			}
		}
		Map<Long, int[]> result = new HashMap<>(transcripts.length * 2);
		for (long id : transcripts) {
			result.put(id, byTranscript.get(id));
		}
		return result;
	}

	/** The last continuum laid out, and the transcripts it was laid over. */
	private long[] laidOver;

	private AgreementService.Continuum laidOut;

	/**
	 * The continuum over these transcripts: the last one if they are the same, else a new
	 * one (what changes most often, an evidence span, leaves it as it was).
	 */
	synchronized AgreementService.Continuum layout(long[] transcripts, Supplier<AgreementService.Continuum> lay) {
		if (laidOut == null || !Arrays.equals(laidOver, transcripts)) {
			laidOut = lay.get();
			laidOver = transcripts.clone();
		}
		return laidOut;
	}

	/** The sum of a transcript's message lengths. */
	static long total(int[] pairs) {
		long sum = 0;
		for (int i = 1; i < pairs.length; i += 2) {
			sum += pairs[i];
		}
		return sum;
	}

	/**
	 * Where a message starts within its transcript and its length, or null when the
	 * transcript has no such message.
	 */
	static long[] place(int[] pairs, int ordinal) {
		long before = 0;
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i] == ordinal) {
				return new long[] { before, pairs[i + 1] };
			}
			before += pairs[i + 1];
		}
		return null;
	}

}
