package org.scratchpadlens.agreement.web;

import org.scratchpadlens.annotation.campaign.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The agreement pages: a campaign's, and a list filter's. */
@Controller
class AgreementPageController {

	private final AgreementService agreement;

	AgreementPageController(AgreementService agreement) {
		this.agreement = agreement;
	}

	@GetMapping("/campaigns/{id}/agreement")
	String campaign(@PathVariable long id, @RequestParam(required = false) String unclear, Authentication user,
			Model model) {
		boolean asCategory = AgreementRequest.unclearAsCategory(unclear);
		var figures = agreement.campaignForPage(id, Reader.of(user), asCategory);
		if (figures.isEmpty()) {
			model.addAttribute("campaignId", id);
			return "agreement/computing";
		}
		model.addAttribute("a", figures.get());
		model.addAttribute("asCategory", asCategory);
		model.addAttribute("links", AgreementLinks.campaign(id, asCategory));
		return "agreement/campaign";
	}

	/**
	 * The agreement of every label on the transcripts the list's filter selects (the
	 * list's parameters, as in {@code /transcripts?...}).
	 */
	@GetMapping("/agreement")
	String filter(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(required = false) String unclear, Authentication user, Model model) {
		boolean asCategory = AgreementRequest.unclearAsCategory(unclear);
		AgreementJson a = agreement.filter(parameters, Reader.of(user), asCategory);
		model.addAttribute("a", a);
		model.addAttribute("asCategory", asCategory);
		model.addAttribute("links", AgreementLinks.filter(a.filter(), asCategory));
		return "agreement/campaign";
	}

}
