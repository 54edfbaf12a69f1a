package org.scratchpadlens.transcript;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Transcripts")
@RestController
@RequestMapping("/api/transcripts")
class TranscriptApiController {

	private final TranscriptViews views;

	TranscriptApiController(TranscriptViews views) {
		this.views = views;
	}

	/**
	 * One transcript: where it comes from, its versions and pair, its messages with their
	 * sections (offsets into the message's content, and the text), and its metrics.
	 */
	@GetMapping("/{id}")
	TranscriptJson transcript(@PathVariable long id) {
		return views.json(id).orElseThrow(() -> new NotFoundException("There is no transcript " + id + "."));
	}

}
