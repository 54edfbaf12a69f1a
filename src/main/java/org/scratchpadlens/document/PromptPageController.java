package org.scratchpadlens.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PromptPageController {

	private final PromptBrowser browser;

	PromptPageController(PromptBrowser browser) {
		this.browser = browser;
	}

	@GetMapping("/prompts")
	String list(Model model) {
		model.addAttribute("catalog", browser.catalog());
		return "prompts/list";
	}

	@GetMapping("/prompts/{id}")
	String prompt(@PathVariable long id, Model model) {
		model.addAttribute("prompt", browser.prompt(id));
		model.addAttribute("others", browser.catalog().prompts().stream().filter(p -> p.id() != id).toList());
		return "prompts/show";
	}

	@GetMapping("/prompts/diff")
	String diff(@RequestParam long a, @RequestParam long b, Model model) {
		model.addAttribute("diff", browser.diff(a, b));
		model.addAttribute("prompts", browser.catalog().prompts());
		return "prompts/diff";
	}

	/** The same diff as a file, for {@code patch} or a code review tool. */
	@GetMapping("/prompts/diff.patch")
	ResponseEntity<String> patch(@RequestParam long a, @RequestParam long b) {
		PromptDiff diff = browser.diff(a, b);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(diff.downloadName()).build().toString())
			.body(diff.unified());
	}

}
