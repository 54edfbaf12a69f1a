package org.scratchpadlens.document;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DocumentPageController {

	/** Values shown in the panel before the rest fold away under "more". */
	static final int SHOWN_VALUES = 8;

	private final DocumentBrowser browser;

	DocumentPageController(DocumentBrowser browser) {
		this.browser = browser;
	}

	@GetMapping("/documents")
	String list(@RequestParam(required = false) String setting, @RequestParam(required = false) String type,
			@RequestParam(required = false) String fact, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		DocumentFilter filter = DocumentFilter.of(setting, type, fact, q, page, size);
		DocumentBrowser.Result result = browser.list(filter, "/documents", "");
		model.addAttribute("filter", filter);
		model.addAttribute("list", result.list());
		model.addAttribute("facets", result.facets());
		model.addAttribute("shown", SHOWN_VALUES);
		model.addAttribute("previous",
				filter.page() > 1 ? filter.withPage(filter.page() - 1).link("/documents") : null);
		model.addAttribute("first", filter.offset() + 1);
		model.addAttribute("last", filter.offset() + result.list().items().size());
		model.addAttribute("cleared", filter.with(null, null, null).link("/documents"));
		return "documents/list";
	}

	@GetMapping("/documents/{id}")
	String document(@PathVariable long id, Model model) {
		model.addAttribute("doc", browser.document(id));
		return "documents/show";
	}

}
