package org.scratchpadlens.transcript;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

/**
 * The conversations of recently viewed transcripts, least recently used first out,
 * bounded by the characters they hold. A transcript's conversation never changes once
 * imported (a changed file becomes a new version with a new id, and ids are never
 * reused), so entries need no expiry; whether the transcript still exists is asked of the
 * database on every request, so an undone import never shows from here.
 */
@Component
class TranscriptCache {

	/** About 64 MB of text at two bytes a character. */
	static final long MAX_WEIGHT = 32_000_000;

	private final Map<Long, TranscriptBody> entries = new LinkedHashMap<>(64, 0.75f, true);

	private long weight;

	synchronized Optional<TranscriptBody> get(long id) {
		return Optional.ofNullable(entries.get(id));
	}

	Optional<TranscriptBody> get(long id, LongFunction<Optional<TranscriptBody>> load) {
		Optional<TranscriptBody> cached = get(id);
		if (cached.isPresent()) {
			return cached;
		}
		// loaded outside the lock: two first views of one transcript may both load it
		Optional<TranscriptBody> loaded = load.apply(id);
		loaded.ifPresent(body -> put(id, body));
		return loaded;
	}

	synchronized void put(long id, TranscriptBody body) {
		TranscriptBody old = entries.put(id, body);
		if (old != null) {
			weight -= old.weight();
		}
		weight += body.weight();
		Iterator<TranscriptBody> eldest = entries.values().iterator();
		while (weight > MAX_WEIGHT && entries.size() > 1 && eldest.hasNext()) {
			weight -= eldest.next().weight();
			eldest.remove();
		}
	}

	synchronized void evict(long id) {
		TranscriptBody old = entries.remove(id);
		if (old != null) {
			weight -= old.weight();
		}
	}

	synchronized int size() {
		return entries.size();
	}

}
