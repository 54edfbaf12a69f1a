package org.scratchpadlens.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/documents")
@Tag(name = "Documents")
class DocumentApiController {

	private final DocumentBrowser browser;

	DocumentApiController(DocumentBrowser browser) {
		this.browser = browser;
	}

	@GetMapping
	@Operation(summary = "Synthetic documents, filtered and searched, a page at a time",
			description = "Every word of q must occur (case-insensitive) in the text, idea, fact or type; "
					+ "\"quoted phrases\" match as they stand. next is the address of the next page, or null.")
	DocumentList list(@RequestParam(required = false) String setting,
			@Parameter(description = "document type (exact)") @RequestParam(required = false) String type,
			@Parameter(description = "fact (exact)") @RequestParam(required = false) String fact,
			@RequestParam(required = false) String q,
			@Parameter(description = "1, 2, ...") @RequestParam(required = false) String page,
			@Parameter(description = "1 to 500, default 50") @RequestParam(required = false) String size) {
		DocumentFilter filter = DocumentFilter.of(setting, type, fact, q, page, size);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return browser.list(filter, "/api/documents", base).list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One synthetic document: its labels, full text, metadata and source")
	DocumentDetail document(@PathVariable long id) {
		return browser.document(id);
	}

}
