package org.scratchpadlens.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.CampaignQueries;
import org.scratchpadlens.annotation.rubric.Rubric;
import org.scratchpadlens.annotation.rubric.Rubrics;
import org.scratchpadlens.transcript.HiddenMetrics;
import org.scratchpadlens.transcript.list.TranscriptFacts;
import org.scratchpadlens.transcript.list.TranscriptList;
import org.scratchpadlens.transcript.list.TranscriptList.SelectedTranscripts;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What one export covers, worked out before the first byte is written (so that a bad
 * parameter is still a 400): the transcripts the list's filter selects for this reader
 * (blind transcripts left out as the list leaves them out), narrowed to a campaign's
 * items with {@code campaign=<id>}; what the reader may not see of them; the rater names
 * or their pseudonyms; the rubric's questions in order.
 */
@Service
class ExportScope {

	/** Parameters of the exports themselves; every other one is the list's filter. */
	static final Set<String> OWN = Set.of("campaign", "pseudonyms", "question");

	/**
	 * The list's paging and order: an export takes every row, in the list's run order.
	 */
	static final Set<String> PAGING = Set.of("size", "page", "cursor", "sort", "seed");

	private final TranscriptList list;

	private final CampaignQueries campaigns;

	private final CampaignAccess access;

	private final ObjectProvider<HiddenMetrics> hiddenMetrics;

	private final ExportQueries queries;

	private final Rubrics rubrics;

	ExportScope(TranscriptList list, CampaignQueries campaigns, CampaignAccess access,
			ObjectProvider<HiddenMetrics> hiddenMetrics, ExportQueries queries, Rubrics rubrics) {
		this.list = list;
		this.campaigns = campaigns;
		this.access = access;
		this.hiddenMetrics = hiddenMetrics;
		this.queries = queries;
		this.rubrics = rubrics;
	}

	/**
	 * @param ids the transcripts, in the list's order (run, split, query index)
	 * @param facts the list's index they were selected from: their condition fields and
	 * most of their metrics, without reading the store
	 * @param campaign the campaign the export is restricted to, or null
	 * @param metricsHidden transcripts whose metrics the reader may not see
	 * @param othersHidden transcripts on which the reader sees only their own labels
	 * @param names rater username to the name the export shows (itself, or a pseudonym)
	 * @param questions every rubric question key, in the rubric's order, with its type
	 */
	record Scope(List<Long> ids, TranscriptFacts facts, Campaign campaign, String reader, Set<Long> metricsHidden,
			Set<Long> othersHidden, Map<String, String> names, boolean pseudonyms, Map<String, String> questions) {

		String name(String username) {
			return username == null ? null : names.getOrDefault(username, username);
		}

		boolean labelVisible(long transcriptId, String annotator) {
			return annotator.equals(reader) || !othersHidden.contains(transcriptId);
		}

	}

	Scope resolve(MultiValueMap<String, String> parameters, String reader) {
		MultiValueMap<String, String> filter = new LinkedMultiValueMap<>();
		parameters.forEach((k, v) -> {
			if (!OWN.contains(k) && !PAGING.contains(k)) {
				filter.put(k, v);
			}
		});
		Campaign campaign = null;
		String campaignText = blankToNull(parameters.getFirst("campaign"));
		if (campaignText != null) {
			long id;
			try {
				id = Long.parseLong(campaignText);
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException(
						"campaign: '" + shorten(campaignText) + "' is not a campaign id; a whole number is expected.");
			}
			campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("There is no campaign " + id + "."));
		}
		boolean pseudonyms = flag(parameters.getFirst("pseudonyms"));
		SelectedTranscripts selected = list.selectedTranscripts(filter);
		List<Long> ids = selected.ids();
		if (campaign != null) {
			Set<Long> items = queries.campaignItems(campaign.id());
			ids = ids.stream().filter(items::contains).toList();
		}
		HiddenMetrics hidden = hiddenMetrics.getIfAvailable();
		Set<Long> metricsHidden = hidden == null || reader == null ? Set.of() : hidden.hiddenFrom(reader);
		Set<Long> othersHidden = reader == null ? Set.of() : access.blindedFrom(reader);
		Map<String, String> names = pseudonyms ? pseudonyms() : Map.of();
		return new Scope(ids, selected.facts(), campaign, reader, metricsHidden, othersHidden, names, pseudonyms,
				questions());
	}

	/**
	 * {@code rater-01}, {@code rater-02}, ...: the accounts numbered in the order they
	 * were created (their id). Accounts are deactivated, never deleted, so a rater keeps
	 * the same pseudonym in every export of the same store; a new account takes the next
	 * number.
	 */
	private Map<String, String> pseudonyms() {
		List<String> users = queries.usernamesInCreationOrder();
		int width = Math.max(2, Integer.toString(users.size()).length());
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < users.size(); i++) {
			names.put(users.get(i), "rater-" + String.format("%0" + width + "d", i + 1));
		}
		return names;
	}

	/**
	 * Every question key of every published rubric version, newest version's order first.
	 */
	private Map<String, String> questions() {
		Map<String, String> questions = new LinkedHashMap<>();
		rubrics.current();
		for (int version : rubrics.versionNumbers()) {
			rubrics.version(version).ifPresent(p -> {
				for (Rubric.Question q : p.rubric().questions()) {
					questions.putIfAbsent(q.key(), q.type());
				}
			});
		}
		return questions;
	}

	static boolean flag(String value) {
		String v = blankToNull(value);
		if (v == null || v.equals("false")) {
			return false;
		}
		if (v.equals("true")) {
			return true;
		}
		throw new BadRequestException("pseudonyms must be true or false, not '" + shorten(v) + "'.");
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "..." : s;
	}

}
