package org.scratchpadlens.agreement.web;

import org.scratchpadlens.agreement.web.AdjudicationQueries.Gold;
import org.scratchpadlens.agreement.web.AdjudicationService.GoldJson;
import org.scratchpadlens.agreement.web.AdjudicationService.Queue;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/** The adjudication queue and gold answers as JSON. */
@Tag(name = "Agreement")
@RestController
class AdjudicationApiController {

	private final AdjudicationService adjudication;

	AdjudicationApiController(AdjudicationService adjudication) {
		this.adjudication = adjudication;
	}

	/** What a client sends to record a gold answer; revision 0 for a new one. */
	record GoldRequest(String question, String answer, String reason, Integer revision) {
	}

	@GetMapping("/api/campaigns/{id}/adjudication")
	Queue queue(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String question, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Authentication user) {
		return adjudication.queue(id, Reader.of(user), kind, question, state, page, size);
	}

	@GetMapping("/api/campaigns/{id}/items/{transcriptId}/gold")
	GoldJson gold(@PathVariable long id, @PathVariable long transcriptId, Authentication user) {
		return adjudication.gold(id, transcriptId, Reader.of(user));
	}

	@PutMapping("/api/campaigns/{id}/items/{transcriptId}/gold")
	Gold save(@PathVariable long id, @PathVariable long transcriptId, @RequestBody GoldRequest request,
			Authentication user) {
		if (request == null) {
			throw new BadRequestException("send {\"question\", \"answer\", \"reason\", \"revision\"}");
		}
		return adjudication.save(id, transcriptId, Reader.of(user), request.question(), request.answer(),
				request.reason(), request.revision());
	}

	@DeleteMapping("/api/campaigns/{id}/items/{transcriptId}/gold")
	ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long transcriptId,
			@RequestParam(required = false) String question, @RequestParam(required = false) Integer revision,
			@RequestParam(required = false) String reason, Authentication user) {
		adjudication.withdraw(id, transcriptId, Reader.of(user), question, revision, reason);
		return ResponseEntity.noContent().build();
	}

}
