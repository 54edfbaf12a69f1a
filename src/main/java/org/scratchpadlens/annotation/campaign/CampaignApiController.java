package org.scratchpadlens.annotation.campaign;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Labelling campaigns: items sampled from a filter, k raters each, a queue")
class CampaignApiController {

	private final CampaignService service;

	private final CampaignProgress progress;

	private final CampaignAccess access;

	private final CampaignQueue queue;

	CampaignApiController(CampaignService service, CampaignProgress progress, CampaignAccess access,
			CampaignQueue queue) {
		this.service = service;
		this.progress = progress;
		this.access = access;
		this.queue = queue;
	}

	@Operation(summary = "Create a campaign from a transcript-list filter (researchers and admins)")
	@PostMapping
	ResponseEntity<CampaignJson> create(@RequestBody CampaignRequest request, Authentication user) {
		Campaign campaign = service.create(request, user.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(progress.describe(campaign, Reader.of(user), false));
	}

	@Operation(summary = "The campaigns the caller may see (an annotator: those they rate in)")
	@GetMapping
	List<CampaignJson> list(Authentication user) {
		Reader reader = Reader.of(user);
		return progress.visible(reader).stream().map(c -> progress.describe(c, reader, false)).toList();
	}

	@Operation(summary = "A campaign with its progress: per rater, overall, per item")
	@GetMapping("/{id}")
	CampaignJson get(@PathVariable long id, Authentication user) {
		Reader reader = Reader.of(user);
		return progress.describe(access.readable(id, reader), reader, true);
	}

	@Operation(summary = "The caller's next item, reserved for them; 204 when none is available now "
			+ "(the header X-Queue-State and the campaign's progress say: done, or waiting for others)")
	@PostMapping("/{id}/next")
	ResponseEntity<Assignment> next(@PathVariable long id, Authentication user) {
		return queue.next(id, user.getName())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent()
				.header("X-Queue-State",
						progress.describe(access.raterCampaign(id, user.getName()), Reader.of(user), false)
							.progress()
							.mine()
							.state())
				.build());
	}

	@Operation(summary = "Skip an item: its reservation is released and it is not offered to the caller again")
	@PostMapping("/{id}/items/{transcriptId}/skip")
	ResponseEntity<Void> skip(@PathVariable long id, @PathVariable long transcriptId, Authentication user) {
		queue.skip(id, transcriptId, user.getName());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "What the caller, a rater here, may see of an item (for the labelling page)")
	@GetMapping("/{id}/items/{transcriptId}/view")
	ItemView view(@PathVariable long id, @PathVariable long transcriptId, Authentication user) {
		return access.view(id, transcriptId, user.getName());
	}

}
