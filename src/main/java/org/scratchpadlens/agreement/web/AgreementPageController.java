package org.scratchpadlens.agreement.web;

import org.scratchpadlens.annotation.campaign.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A campaign's agreement page. */
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
		model.addAttribute("a", agreement.campaign(id, Reader.of(user), asCategory));
		model.addAttribute("asCategory", asCategory);
		return "agreement/campaign";
	}

}
