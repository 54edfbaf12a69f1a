package org.scratchpadlens.annotation.campaign;

import java.util.List;
import java.util.Optional;

import org.scratchpadlens.web.BadRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list with "Label next", the new-campaign form, one campaign.
 */
@Controller
class CampaignPageController {

	/** Items listed on a campaign's page (the API gives them all). */
	static final int ITEMS_SHOWN = 200;

	private final CampaignService service;

	private final CampaignProgress progress;

	private final CampaignAccess access;

	private final CampaignQueue queue;

	private final JdbcClient jdbc;

	CampaignPageController(CampaignService service, CampaignProgress progress, CampaignAccess access,
			CampaignQueue queue, JdbcClient jdbc) {
		this.service = service;
		this.progress = progress;
		this.access = access;
		this.queue = queue;
		this.jdbc = jdbc;
	}

	@GetMapping("/campaigns")
	String list(Authentication user, Model model) {
		Reader reader = Reader.of(user);
		List<CampaignJson> mine = progress.ratedBy(reader.username())
			.stream()
			.map(c -> progress.describe(c, reader, false))
			.toList();
		List<CampaignJson> all = reader.browser()
				? progress.visible(reader).stream().map(c -> progress.describe(c, reader, false)).toList() : List.of();
		model.addAttribute("mine", mine);
		model.addAttribute("all", all);
		model.addAttribute("browser", reader.browser());
		return "campaigns/list";
	}

	@GetMapping("/campaigns/new")
	String form(@RequestParam(required = false) String filter, Model model) {
		return form(CampaignForm.blank(filter), null, model);
	}

	@PostMapping("/campaigns")
	String create(@ModelAttribute CampaignForm form, Authentication user, Model model) {
		try {
			Campaign campaign = service.create(form.request(), user.getName());
			return "redirect:/campaigns/" + campaign.id() + "?created";
		}
		catch (BadRequestException ex) {
			return form(form, ex.getMessage(), model);
		}
	}

	private String form(CampaignForm form, String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("accounts", progress.accounts());
		model.addAttribute("booleanMetrics",
				jdbc.sql("""
						select n.name from metric_name n where exists (select 1 from metric m
						  where m.metric_name_id = n.id and m.value_type = 'boolean') order by n.name""")
					.query(String.class)
					.list());
		return "campaigns/new";
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable long id, Authentication user, Model model) {
		Reader reader = Reader.of(user);
		CampaignJson campaign = progress.describe(access.readable(id, reader), reader, true);
		List<CampaignQueries.ItemCount> items = campaign.progress().itemLabels();
		model.addAttribute("campaign", campaign);
		model.addAttribute("items", items.size() > ITEMS_SHOWN ? items.subList(0, ITEMS_SHOWN) : items);
		model.addAttribute("moreItems", Math.max(0, items.size() - ITEMS_SHOWN));
		model.addAttribute("browser", reader.browser());
		model.addAttribute("linkItems", reader.browser() && campaign.filter() != null);
		model.addAttribute("filterShown", campaign.filter() == null ? null
				: java.net.URLDecoder.decode(campaign.filter(), java.nio.charset.StandardCharsets.UTF_8));
		return "campaigns/campaign";
	}

	/** "Label next": reserve the rater's next item and open it in the labelling page. */
	@PostMapping("/campaigns/{id}/next")
	String next(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Optional<Assignment> next = queue.next(id, user.getName());
		if (next.isPresent()) {
			return "redirect:/campaigns/" + id + "/label/" + next.get().transcriptId();
		}
		CampaignJson campaign = progress.describe(access.raterCampaign(id, user.getName()), Reader.of(user), false);
		redirect.addFlashAttribute("message", "done".equals(campaign.progress().mine().state())
				? "You have labelled or skipped every item of this campaign that still needs a label. Thank you!"
				: "Nothing to label just now: every item left is reserved by other raters. Try again in a "
						+ "few minutes (a reservation lapses after " + campaign.reservationMinutes() + " minutes).");
		return "redirect:/campaigns/" + id;
	}

}
