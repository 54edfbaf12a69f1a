package org.scratchpadlens.agreement.web;

import org.scratchpadlens.annotation.campaign.Reader;
import org.springframework.security.core.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** A campaign's corrected rates: the page and its JSON. */
@Tag(name = "Agreement")
@Controller
class CorrectedRatesController {

	private final CorrectedRates corrected;

	CorrectedRatesController(CorrectedRates corrected) {
		this.corrected = corrected;
	}

	@GetMapping("/campaigns/{id}/corrected-rates")
	String page(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("c", corrected.campaign(id, Reader.of(user)));
		return "agreement/corrected";
	}

	/** The dashboard's section, loaded after the page (it may compute agreements). */
	@GetMapping("/dashboard/corrected-rates")
	String dashboard(Authentication user, Model model) {
		model.addAttribute("campaigns", corrected.recent(Reader.of(user)));
		return "agreement/corrected :: dashboard";
	}

	@GetMapping(path = "/api/campaigns/{id}/corrected-rates", produces = "application/json")
	@ResponseBody
	CorrectedRates.CorrectedRatesJson json(@PathVariable long id, Authentication user) {
		return corrected.campaign(id, Reader.of(user));
	}

}
