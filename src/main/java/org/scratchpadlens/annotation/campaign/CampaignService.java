package org.scratchpadlens.annotation.campaign;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.scratchpadlens.annotation.RubricRules;
import org.scratchpadlens.transcript.PairQueries;
import org.scratchpadlens.transcript.TranscriptPair;
import org.scratchpadlens.transcript.list.MetricKind;
import org.scratchpadlens.transcript.list.TranscriptList;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Creates campaigns: checks the request, selects the transcripts with the list's filter,
 * samples them ({@link CampaignSampler}) and stores the campaign with its raters and
 * items in one transaction.
 */
@Service
public class CampaignService {

	/** The list parameters a campaign's filter may hold (no paging or sorting). */
	static final Set<String> FILTER_FIELDS = Set.of("setting", "run", "variation", "split", "model", "q");

	static final int MAX_RATERS_PER_ITEM = 20;

	private final CampaignQueries campaigns;

	private final TranscriptList list;

	private final PairQueries pairs;

	private final RubricRules rubric;

	CampaignService(CampaignQueries campaigns, TranscriptList list, PairQueries pairs, RubricRules rubric) {
		this.campaigns = campaigns;
		this.list = list;
		this.pairs = pairs;
		this.rubric = rubric;
	}

	@Transactional
	public Campaign create(CampaignRequest request, String creator) {
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new BadRequestException("name: give the campaign a name of 1 to 200 characters.");
		}
		int k = request.ratersPerItem() == null ? 1 : request.ratersPerItem();
		if (k < 1 || k > MAX_RATERS_PER_ITEM) {
			throw new BadRequestException(
					"ratersPerItem must be between 1 and " + MAX_RATERS_PER_ITEM + ", not " + k + ".");
		}
		List<String> raters = request.raters() == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(request.raters().stream().map(String::strip).toList()));
		if (raters.isEmpty()) {
			throw new BadRequestException("raters: name at least one account who labels in this campaign.");
		}
		List<String> unknown = campaigns.unknownAccounts(raters);
		if (!unknown.isEmpty()) {
			throw new BadRequestException("raters: there is no account named " + String.join(", ", unknown) + ".");
		}
		if (raters.size() < k) {
			throw new BadRequestException("ratersPerItem is " + k + " but only " + raters.size()
					+ " raters are named: no item could ever be finished.");
		}
		String order = request.order() == null || request.order().isBlank() ? "random" : request.order().strip();
		if (!order.equals("random") && !order.equals("run")) {
			throw new BadRequestException("order must be random or run, not '" + order + "'.");
		}
		int minutes = request.reservationMinutes() == null ? 30 : request.reservationMinutes();
		if (minutes < 1 || minutes > 24 * 60) {
			throw new BadRequestException("reservationMinutes must be between 1 and 1440, not " + minutes + ".");
		}
		boolean[] blind = blind(request.blind());
		boolean reveal = request.revealAfterSubmit() == null || request.revealAfterSubmit();

		MultiValueMap<String, String> filter = filter(request.filter());
		CampaignRequest.Sample sample = request.sample();
		List<String> stratifyBy = sample == null || sample.stratifyBy() == null ? List.of() : sample.stratifyBy();
		Strata strata = strata(stratifyBy);
		List<TranscriptList.Selected> selected = list.selected(filter, strata.metric());
		if (selected.isEmpty()) {
			throw new BadRequestException("filter: it selects no current transcripts (" + queryString(filter)
					+ "); a campaign needs at least one.");
		}

		Integer size = sample == null ? null : sample.size();
		if (size != null && size < 1) {
			throw new BadRequestException("sample.size must be at least 1, not " + size + ".");
		}
		long sampleSeed = sample == null || sample.seed() == null ? 1 : sample.seed();
		boolean keepPairs = sample != null && Boolean.TRUE.equals(sample.keepPairs());
		long orderSeed = request.seed() != null ? request.seed() : sampleSeed;

		List<CampaignSampler.Candidate> candidates = candidates(selected, strata, keepPairs);
		CampaignSampler.Result result = CampaignSampler.choose(candidates, size, sampleSeed, keepPairs,
				order.equals("random"), orderSeed);

		String sampleJson = null;
		if (sample != null) {
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("size", size);
			spec.put("stratifyBy", stratifyBy);
			spec.put("seed", sampleSeed);
			spec.put("keepPairs", keepPairs);
			spec.put("method", size == null ? "all matching"
					: stratifyBy.isEmpty() ? "simple random sample without replacement (seeded)"
							: "stratified: proportional allocation, largest remainder; simple random within strata "
									+ "(seeded)");
			List<Map<String, Object>> allocation = new ArrayList<>();
			result.allocation().forEach(a -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("stratum", a.stratum());
				row.put("population", a.population());
				row.put("sampled", a.sampled());
				allocation.add(row);
			});
			spec.put("strata", allocation);
			sampleJson = JsonMapper.shared().writeValueAsString(spec);
		}
		Campaign campaign = new Campaign(0, name, creator, Instant.now(), rubric.currentVersion(), k, order, orderSeed,
				blind[0], blind[1], blind[2], reveal, minutes * 60, queryString(filter), sampleJson, selected.size(),
				result.items().size());
		long id = campaigns.insert(campaign);
		campaigns.insertRaters(id, raters);
		campaigns.insertItems(id, result.items());
		return campaigns.find(id).orElseThrow();
	}

	/** {hideMetrics, hideOtherLabels, maskCondition}. */
	static boolean[] blind(JsonNode blind) {
		if (blind == null || blind.isNull() || blind.isMissingNode()) {
			return new boolean[3];
		}
		if (blind.isBoolean()) {
			boolean on = blind.booleanValue();
			return new boolean[] { on, on, on };
		}
		if (!blind.isObject()) {
			throw new BadRequestException("blind must be true, false or an object {\"hideMetrics\", "
					+ "\"hideOtherLabels\", \"maskCondition\"}, not " + blind + ".");
		}
		String[] names = { "hideMetrics", "hideOtherLabels", "maskCondition" };
		for (String field : blind.propertyNames()) {
			if (!List.of(names).contains(field)) {
				throw new BadRequestException("blind: unknown option '" + field
						+ "'; the options are hideMetrics, hideOtherLabels and maskCondition.");
			}
		}
		boolean[] on = new boolean[3];
		for (int i = 0; i < names.length; i++) {
			JsonNode v = blind.get(names[i]);
			if (v != null && !v.isNull()) {
				if (!v.isBoolean()) {
					throw new BadRequestException("blind." + names[i] + " must be true or false, not " + v + ".");
				}
				on[i] = v.booleanValue();
			}
		}
		return on;
	}

	/**
	 * The filter as list parameters: an object (values strings or lists) or a query
	 * string.
	 */
	static MultiValueMap<String, String> filter(JsonNode filter) {
		MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
		if (filter == null || filter.isNull() || filter.isMissingNode()) {
			return p;
		}
		if (filter.isString()) {
			return parseQuery(filter.stringValue());
		}
		if (!filter.isObject()) {
			throw new BadRequestException("filter must be an object of the transcript list's parameters, such as "
					+ "{\"run\": \"helpful_only/default\", \"split\": \"train\"}, or its query string.");
		}
		for (Map.Entry<String, JsonNode> e : filter.properties()) {
			JsonNode v = e.getValue();
			if (v.isArray()) {
				v.forEach(x -> p.add(e.getKey(), x.asString()));
			}
			else if (!v.isNull()) {
				p.add(e.getKey(), v.asString());
			}
		}
		check(p);
		return p;
	}

	static MultiValueMap<String, String> parseQuery(String query) {
		MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
		String q = query.strip();
		if (q.startsWith("?")) {
			q = q.substring(1);
		}
		for (String pair : q.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			if (!value.isBlank()) {
				p.add(key, value);
			}
		}
		check(p);
		return p;
	}

	private static void check(MultiValueMap<String, String> p) {
		for (String key : p.keySet()) {
			if (!FILTER_FIELDS.contains(key) && !key.startsWith("metric.")) {
				throw new BadRequestException("filter: '" + key + "' is not a filter of the transcript list (use "
						+ "setting, run, variation, split, model, q, metric.<name>, metric.<name>.min or .max).");
			}
		}
	}

	static String queryString(MultiValueMap<String, String> p) {
		List<String> parts = new ArrayList<>();
		p.forEach((k, values) -> values.forEach(v -> parts
			.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
		return String.join("&", parts);
	}

	/** What a sample is stratified by: run, split and at most one boolean metric. */
	private record Strata(boolean byRun, boolean bySplit, String metric) {
	}

	private Strata strata(List<String> stratifyBy) {
		boolean byRun = false;
		boolean bySplit = false;
		String metric = null;
		for (String s : stratifyBy) {
			String key = s == null ? "" : s.strip();
			if (key.equals("run")) {
				byRun = true;
			}
			else if (key.equals("split")) {
				bySplit = true;
			}
			else {
				String name = key.startsWith("metric.") ? key.substring("metric.".length()) : key;
				if (metric != null) {
					throw new BadRequestException(
							"sample.stratifyBy: one metric at most (" + metric + " and " + name + " were given).");
				}
				MetricKind kind = list.metricKind(name)
					.orElseThrow(() -> new BadRequestException(
							"sample.stratifyBy: '" + s + "' is neither run, split nor a metric " + "of the store."));
				if (kind != MetricKind.BOOLEAN) {
					throw new BadRequestException("sample.stratifyBy: '" + name + "' is not a boolean metric; "
							+ "stratify by run, split or a boolean metric.");
				}
				metric = name;
			}
		}
		return new Strata(byRun, bySplit, metric);
	}

	/**
	 * The selected transcripts with their strata (run × split × metric, as asked) and
	 * pair partners.
	 */
	private List<CampaignSampler.Candidate> candidates(List<TranscriptList.Selected> selected, Strata strata,
			boolean keepPairs) {
		Map<Long, Long> partners = new HashMap<>();
		if (keepPairs) {
			Set<Long> runs = new LinkedHashSet<>();
			selected.forEach(t -> runs.add(t.runId()));
			for (long run : runs) {
				pairs.pairs(run).ifPresent(rp -> {
					for (TranscriptPair pair : rp.pairs()) {
						partners.put(pair.trainId(), pair.deployId());
						partners.put(pair.deployId(), pair.trainId());
					}
				});
			}
		}
		List<CampaignSampler.Candidate> candidates = new ArrayList<>(selected.size());
		for (TranscriptList.Selected t : selected) {
			List<String> parts = new ArrayList<>(3);
			if (strata.byRun()) {
				parts.add(t.runPath());
			}
			if (strata.bySplit()) {
				parts.add(t.split());
			}
			if (strata.metric() != null) {
				parts.add(strata.metric() + "=" + t.metricValue());
			}
			candidates.add(new CampaignSampler.Candidate(t.id(), String.join(" × ", parts), partners.get(t.id())));
		}
		return candidates;
	}

}
