package org.scratchpadlens.transcript;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RunPageController {

	private final RunQueries runs;

	RunPageController(RunQueries runs) {
		this.runs = runs;
	}

	@GetMapping("/")
	String runs(Model model) {
		List<RunSummary> list = runs.summaries();
		model.addAttribute("runs", list);
		model.addAttribute("totalTrain", list.stream().mapToLong(RunSummary::train).sum());
		model.addAttribute("totalDeploy", list.stream().mapToLong(RunSummary::deploy).sum());
		model.addAttribute("settings", RunApiController.SETTINGS_IN_ORDER);
		model.addAttribute("totals", runs.totals());
		model.addAttribute("anySample", list.stream().anyMatch(RunSummary::sample));
		return "runs";
	}

	/**
	 * Setting is derived from the run path; an admin corrects it when the path does not
	 * say (setting unknown).
	 */
	@PostMapping("/runs/{id}/setting")
	@PreAuthorize("hasRole('ADMIN')")
	String setSetting(@PathVariable long id, @RequestParam String setting, RedirectAttributes redirect) {
		if (!RunApiController.SETTINGS.contains(setting)) {
			redirect.addFlashAttribute("message", "Unknown setting '" + setting + "'.");
		}
		else if (runs.setSetting(id, setting)) {
			redirect.addFlashAttribute("message", "Setting saved.");
		}
		else {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return "redirect:/";
	}

}
