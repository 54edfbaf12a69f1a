package org.scratchpadlens.transcript;

import jakarta.servlet.http.HttpServletRequest;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A transcript's page and its side-by-side view with its pair. Both take the transcript
 * list's parameters and keep them in their links.
 */
@Controller
class TranscriptPageController {

	private final TranscriptViews views;

	TranscriptPageController(TranscriptViews views) {
		this.views = views;
	}

	@GetMapping("/transcripts/{id}")
	String transcript(@PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("page", views.page(id, TranscriptViews.listParameters(request.getParameterMap()))
			.orElseThrow(() -> missing(id)));
		return "transcript";
	}

	@GetMapping("/transcripts/{id}/side-by-side")
	String sideBySide(@PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("view", views.sideBySide(id, TranscriptViews.listParameters(request.getParameterMap()))
			.orElseThrow(() -> missing(id)));
		return "transcript-side-by-side";
	}

	private static NotFoundException missing(long id) {
		return new NotFoundException("There is no transcript " + id + ".");
	}

}
