package org.scratchpadlens.agreement.web;

import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.ConflictException;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.transcript.TranscriptBody;
import org.scratchpadlens.transcript.TranscriptQueries;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The adjudication queue of a campaign and the adjudicator's page for one item. */
@Controller
class AdjudicationPageController {

	private final AdjudicationService adjudication;

	private final TranscriptQueries transcripts;

	private final CampaignAccess access;

	AdjudicationPageController(AdjudicationService adjudication, TranscriptQueries transcripts, CampaignAccess access) {
		this.adjudication = adjudication;
		this.transcripts = transcripts;
		this.access = access;
	}

	@GetMapping("/campaigns/{id}/adjudication")
	String queue(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String question, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Authentication user, Model model) {
		model.addAttribute("queue", adjudication.queue(id, Reader.of(user), kind, question, state, page, size));
		return "agreement/adjudication";
	}

	@GetMapping("/campaigns/{id}/adjudication/{transcriptId}")
	String item(@PathVariable long id, @PathVariable long transcriptId, Authentication user, Model model) {
		AdjudicationService.ItemPage page = adjudication.page(id, transcriptId, Reader.of(user));
		TranscriptBody body = transcripts.body(transcriptId)
			.orElseThrow(() -> new NotFoundException("There is no transcript " + transcriptId + "."));
		if (access.metricsHiddenOn(transcriptId, user.getName())) {
			body = body.withoutMetrics();
		}
		model.addAttribute("page", page);
		model.addAttribute("t", transcripts.header(transcriptId)
			.orElseThrow(() -> new NotFoundException("There is no transcript " + transcriptId + ".")));
		model.addAttribute("body", body);
		return "agreement/adjudicate";
	}

	@PostMapping("/campaigns/{id}/adjudication/{transcriptId}/gold")
	String save(@PathVariable long id, @PathVariable long transcriptId, @RequestParam String question,
			@RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer revision, Authentication user, RedirectAttributes redirect) {
		try {
			adjudication.save(id, transcriptId, Reader.of(user), question, answer, reason, revision);
			redirect.addFlashAttribute("saved", question);
		}
		catch (BadRequestException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			redirect.addFlashAttribute("problemQuestion", question);
		}
		return "redirect:/campaigns/" + id + "/adjudication/" + transcriptId + "#gold-" + question;
	}

	@PostMapping("/campaigns/{id}/adjudication/{transcriptId}/gold/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long transcriptId, @RequestParam String question,
			@RequestParam(required = false) Integer revision, Authentication user, RedirectAttributes redirect) {
		try {
			adjudication.withdraw(id, transcriptId, Reader.of(user), question, revision, null);
			redirect.addFlashAttribute("withdrawn", question);
		}
		catch (BadRequestException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			redirect.addFlashAttribute("problemQuestion", question);
		}
		return "redirect:/campaigns/" + id + "/adjudication/" + transcriptId + "#gold-" + question;
	}

}
