package org.scratchpadlens.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/prompts")
@Tag(name = "Prompts")
class PromptApiController {

	private final PromptBrowser browser;

	PromptApiController(PromptBrowser browser) {
		this.browser = browser;
	}

	@GetMapping
	@Operation(summary = "Every distinct system prompt with its prompt files and the runs that use it",
			description = "Also grouped: variations (their prompt files) and runs (the prompts their current "
					+ "transcripts carry, with counts).")
	PromptCatalog list() {
		return browser.catalog();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One system prompt: its text and where it is used")
	PromptDetail prompt(@PathVariable long id) {
		return browser.prompt(id);
	}

	@GetMapping("/diff")
	@Operation(summary = "A unified line diff of prompt a against prompt b (as diff -u prints it), and its hunks")
	PromptDiff diff(@RequestParam long a, @RequestParam long b) {
		return browser.diff(a, b);
	}

}
