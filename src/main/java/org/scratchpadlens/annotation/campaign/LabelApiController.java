package org.scratchpadlens.annotation.campaign;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Labels", description = "Labels with their revisions and evidence spans, drafts")
class LabelApiController {

	private final LabelService labels;

	private final CampaignAccess access;

	LabelApiController(LabelService labels, CampaignAccess access) {
		this.labels = labels;
		this.access = access;
	}

	@Operation(summary = "Submit the caller's label on an item of a campaign they rate in")
	@PostMapping("/api/transcripts/{id}/labels")
	ResponseEntity<Label> submit(@PathVariable long id, @RequestBody LabelRequest request, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(labels.submit(id, request, user.getName()));
	}

	@Operation(summary = "The labels on a transcript the caller may see (blind rules applied)")
	@GetMapping("/api/transcripts/{id}/labels")
	List<Label> onTranscript(@PathVariable long id, Authentication user) {
		return access.visibleLabels(id, Reader.of(user));
	}

	@Operation(summary = "A label")
	@GetMapping("/api/labels/{id}")
	Label get(@PathVariable long id, Authentication user) {
		return labels.readable(id, Reader.of(user));
	}

	@Operation(summary = "Edit one's own label; 409 when revision is not the current one")
	@PutMapping("/api/labels/{id}")
	Label edit(@PathVariable long id, @RequestBody LabelRequest request, Authentication user) {
		return labels.edit(id, request, Reader.of(user));
	}

	@Operation(summary = "Every revision of a label, oldest first")
	@GetMapping("/api/labels/{id}/history")
	List<Revision> history(@PathVariable long id, Authentication user) {
		return labels.history(id, Reader.of(user));
	}

	@Operation(summary = "The caller's draft on an item")
	@GetMapping("/api/campaigns/{id}/items/{transcriptId}/draft")
	Draft draft(@PathVariable long id, @PathVariable long transcriptId, Authentication user) {
		return labels.draft(id, transcriptId, user.getName())
			.orElseThrow(() -> new NotFoundException("You have no draft on this item."));
	}

	@Operation(summary = "Save the caller's draft on an item; renews their reservation")
	@PutMapping("/api/campaigns/{id}/items/{transcriptId}/draft")
	ResponseEntity<Void> saveDraft(@PathVariable long id, @PathVariable long transcriptId,
			@RequestBody LabelRequest request, Authentication user) {
		labels.saveDraft(id, transcriptId, request, user.getName());
		return ResponseEntity.noContent().build();
	}

}
