package org.scratchpadlens.annotation.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.ItemView;
import org.scratchpadlens.annotation.rubric.Rubric;
import org.scratchpadlens.annotation.rubric.Rubrics;
import org.scratchpadlens.transcript.TranscriptBody;
import org.scratchpadlens.transcript.TranscriptHeader;
import org.scratchpadlens.transcript.TranscriptQueries;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The labelling page: a campaign item's transcript beside the rubric of the campaign's
 * version. Only the campaign's raters open it ({@link CampaignAccess#view} refuses anyone
 * else); what it shows follows the campaign's blind options. The page itself only
 * renders; answers, drafts, labels and spans go through the labels API from labelling.js.
 */
@Controller
class LabellingPageController {

	private final CampaignAccess access;

	private final Rubrics rubrics;

	private final TranscriptQueries transcripts;

	LabellingPageController(CampaignAccess access, Rubrics rubrics, TranscriptQueries transcripts) {
		this.access = access;
		this.rubrics = rubrics;
		this.transcripts = transcripts;
	}

	/**
	 * @param header null parts are hidden: {@code split} is null when the condition is
	 * masked
	 * @param metrics the metric groups, or null while hidden
	 * @param state what labelling.js starts from (JSON in a data attribute): the rater's
	 * label, draft and the rubric's questions
	 */
	record LabellingPage(long campaignId, long transcriptId, TranscriptHeader header, String condition, String scope,
			boolean maskCondition, boolean hideMetrics, List<LabelBlocks.Block> blocks,
			List<TranscriptBody.MetricGroup> metrics, Rubric rubric, List<Section> sections, Long newerTranscriptId,
			boolean submitted, String state) {
	}

	/** A group of questions under a heading. */
	record Section(String heading, List<Rubric.Question> questions) {
	}

	@GetMapping("/campaigns/{campaignId}/label/{transcriptId}")
	String page(@PathVariable long campaignId, @PathVariable long transcriptId, Authentication user, Model model) {
		ItemView view = access.view(campaignId, transcriptId, user.getName());
		TranscriptHeader header = transcripts.header(transcriptId)
			.orElseThrow(() -> new NotFoundException("There is no transcript " + transcriptId + "."));
		TranscriptBody body = transcripts.body(transcriptId)
			.orElseThrow(() -> new NotFoundException("There is no transcript " + transcriptId + "."));
		Rubric rubric = rubrics.version(view.rubricVersion())
			.orElseThrow(() -> new NotFoundException("There is no rubric version " + view.rubricVersion() + "."))
			.rubric();
		List<Rubric.Question> asked = rubric.questionsFor(view.scope());
		List<Section> sections = List
			.of(new Section("Alignment-faking reasoning (training condition)",
					asked.stream().filter(q -> "train".equals(q.scope())).toList()),
					new Section("Unmasking (unmonitored condition)",
							asked.stream().filter(q -> "deploy".equals(q.scope())).toList()),
					new Section("Every transcript", asked.stream().filter(q -> "both".equals(q.scope())).toList()))
			.stream()
			.filter(s -> !s.questions().isEmpty())
			.toList();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("campaignId", campaignId);
		state.put("transcriptId", transcriptId);
		state.put("scope", view.scope());
		state.put("rubricVersion", rubric.version());
		state.put("questions", asked);
		state.put("myLabel", view.myLabel());
		state.put("draft", view.draft());
		model.addAttribute("page",
				new LabellingPage(campaignId, transcriptId, header, view.maskCondition() ? null : header.condition(),
						view.scope(), view.maskCondition(), view.hideMetrics(),
						LabelBlocks.of(body, view.maskCondition()), view.hideMetrics() ? null : body.metricGroups(),
						rubric, sections, view.newerTranscriptId(), view.myLabel() != null,
						JsonMapper.shared().writeValueAsString(state)));
		return "labelling/page";
	}

}
