package org.scratchpadlens.transcript;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.scratchpadlens.transcript.TranscriptNeighbours.Neighbours;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Assembles a transcript's page, side-by-side view and JSON: the conversation from the
 * cache, the rest (existence, current version, pair, neighbours) from the database on
 * every request.
 */
@Service
public class TranscriptViews {

	private final TranscriptQueries transcripts;

	private final PairQueries pairs;

	private final TranscriptNeighbours neighbours;

	private final TranscriptCache cache;

	private final ObjectProvider<HiddenMetrics> hiddenMetrics;

	TranscriptViews(TranscriptQueries transcripts, PairQueries pairs, TranscriptNeighbours neighbours,
			TranscriptCache cache, ObjectProvider<HiddenMetrics> hiddenMetrics) {
		this.transcripts = transcripts;
		this.pairs = pairs;
		this.neighbours = neighbours;
		this.cache = cache;
		this.hiddenMetrics = hiddenMetrics;
	}

	/** Whether the current reader may not see this transcript's metrics now. */
	private boolean metricsHidden(long id) {
		HiddenMetrics hidden = hiddenMetrics.getIfAvailable();
		String reader = Readers.current();
		return hidden != null && reader != null && hidden.hiddenOn(id, reader);
	}

	private Optional<TranscriptHeader> header(long id) {
		Optional<TranscriptHeader> header = transcripts.header(id);
		if (header.isEmpty()) {
			cache.evict(id);
		}
		return header;
	}

	/** The conversation, without its metrics when the reader may not see them. */
	private Optional<TranscriptBody> body(long id) {
		Optional<TranscriptBody> body = cache.get(id, transcripts::body);
		return metricsHidden(id) ? body.map(TranscriptBody::withoutMetrics) : body;
	}

	/**
	 * The page of a transcript, with links that keep {@code listParameters} (the
	 * transcript list's filter) so previous and next walk the same list.
	 */
	public Optional<TranscriptPage> page(long id, MultiValueMap<String, String> listParameters) {
		Optional<TranscriptHeader> found = header(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		TranscriptHeader t = found.get();
		Optional<TranscriptBody> body = body(id);
		if (body.isEmpty()) {
			return Optional.empty();
		}
		List<TranscriptVersion> versions = transcripts.versions(t);
		Long currentId = versions.stream()
			.filter(TranscriptVersion::current)
			.map(TranscriptVersion::id)
			.findFirst()
			.orElse(null);
		Long pairId = pairs.pairOf(id).orElse(null);
		Neighbours around = neighbours.around(id, listParameters);
		TranscriptPage.Links links = new TranscriptPage.Links(href(around.previous(), "", listParameters),
				href(around.next(), "", listParameters), href(pairId, "", listParameters),
				pairId == null ? null : href(id, "/side-by-side", listParameters), back(listParameters),
				currentId == null || currentId == id ? null : href(currentId, "", listParameters));
		return Optional.of(new TranscriptPage(t, body.get(), versions, currentId, pairId, around, links));
	}

	/** The transcript and its pair, train on the left. */
	public Optional<SideBySide> sideBySide(long id, MultiValueMap<String, String> listParameters) {
		Optional<TranscriptHeader> found = header(id);
		Optional<TranscriptBody> body = found.flatMap(t -> body(id));
		if (body.isEmpty()) {
			return Optional.empty();
		}
		SideBySide.Column asked = new SideBySide.Column(found.get(), body.get(), href(id, "", listParameters));
		SideBySide.Column other = pairs.pairOf(id)
			.flatMap(pairId -> header(pairId)
				.flatMap(t -> body(pairId).map(b -> new SideBySide.Column(t, b, href(pairId, "", listParameters)))))
			.orElse(null);
		boolean askedIsTrain = "train".equals(found.get().split());
		return Optional.of(new SideBySide(askedIsTrain ? asked : other, askedIsTrain ? other : asked, id,
				href(id, "", listParameters)));
	}

	public Optional<TranscriptJson> json(long id) {
		Optional<TranscriptHeader> found = header(id);
		Optional<TranscriptBody> loaded = found.flatMap(t -> body(id));
		if (loaded.isEmpty()) {
			return Optional.empty();
		}
		TranscriptHeader t = found.get();
		TranscriptBody body = loaded.get();
		List<TranscriptVersion> versions = transcripts.versions(t);
		Long currentId = versions.stream()
			.filter(TranscriptVersion::current)
			.map(TranscriptVersion::id)
			.findFirst()
			.orElse(null);
		List<TranscriptJson.MessageJson> messages = body.messages()
			.stream()
			.map(m -> new TranscriptJson.MessageJson(m.ordinal(), m.role(), m.content(), m.systemPromptId(),
					m.sections()
						.stream()
						.map(s -> new TranscriptJson.SectionJson(s.ordinal(), s.kind(), s.depth(), s.start(), s.end(),
								s.closed(), m.content() == null ? null : m.content().substring(s.start(), s.end())))
						.toList()))
			.toList();
		Map<String, TranscriptJson.MetricJson> metrics = new LinkedHashMap<>();
		body.metrics().forEach(m -> metrics.put(m.name(), new TranscriptJson.MetricJson(m.value(), m.type(), m.raw())));
		return Optional.of(new TranscriptJson(t.id(), t.run(), t.setting(), t.variation(), t.model(), t.split(),
				t.queryIndex(), t.fileName(), t.version(), t.current(), currentId,
				versions.stream().map(v -> new TranscriptJson.Version(v.id(), v.version(), v.importedAt())).toList(),
				pairs.pairOf(id).orElse(null), t.systemPromptId(), t.hasOutput(), t.cutOff(), messages, metrics,
				body.metricsHidden()));
	}

	private static String href(Long id, String suffix, MultiValueMap<String, String> parameters) {
		return id == null ? null : "/transcripts/" + id + suffix + query(parameters);
	}

	private static String back(MultiValueMap<String, String> parameters) {
		return "/transcripts" + query(parameters);
	}

	/**
	 * {@code ?name=value&...}, every name and value encoded (a '+' or '&' in a search
	 * stays itself), or "" without parameters.
	 */
	static String query(MultiValueMap<String, String> parameters) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		parameters
			.forEach((name, values) -> values.forEach(value -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
					+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return query.toString();
	}

	/** The request's parameters, as the list's filter (the page has none of its own). */
	static MultiValueMap<String, String> listParameters(Map<String, String[]> requestParameters) {
		MultiValueMap<String, String> list = new LinkedMultiValueMap<>();
		requestParameters.forEach((name, values) -> list.put(name, List.of(values)));
		return list;
	}

}
