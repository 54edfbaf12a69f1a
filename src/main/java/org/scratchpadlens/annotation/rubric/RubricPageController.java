package org.scratchpadlens.annotation.rubric;

import java.security.Principal;
import java.util.List;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class RubricPageController {

	private final Rubrics rubrics;

	RubricPageController(Rubrics rubrics) {
		this.rubrics = rubrics;
	}

	/**
	 * The rubric page's model: the version shown, whether it is the current one, and the
	 * list of versions.
	 */
	record RubricPage(Rubrics.Published shown, int current, boolean showsCurrent,
			List<RubricJson.VersionLine> versions) {
	}

	@GetMapping("/rubric")
	String current(Model model) {
		return show(rubrics.current(), model);
	}

	@GetMapping("/rubric/versions/{version}")
	String version(@PathVariable int version, Model model) {
		return show(rubrics.version(version)
			.orElseThrow(() -> new NotFoundException("There is no rubric version " + version + ".")), model);
	}

	private String show(Rubrics.Published shown, Model model) {
		int current = rubrics.currentVersion();
		model.addAttribute("page", new RubricPage(shown, current, shown.rubric().version() == current, versionLines()));
		return "rubric/show";
	}

	private List<RubricJson.VersionLine> versionLines() {
		List<Rubrics.Published> history = rubrics.history();
		List<Integer> numbers = rubrics.versionNumbers();
		return java.util.stream.IntStream.range(0, Math.min(history.size(), numbers.size()))
			.mapToObj(i -> new RubricJson.VersionLine(numbers.get(i), history.get(i).publishedAt(),
					history.get(i).publishedBy(), history.get(i).changeNote()))
			.toList();
	}

	@GetMapping("/rubric/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(Model model) {
		Rubrics.Published current = rubrics.current();
		model.addAttribute("current", current.rubric().version());
		model.addAttribute("definition", Rubrics.nextDraft(current.definition(), current.rubric().version() + 1));
		model.addAttribute("changeNote", "");
		return "rubric/edit";
	}

	@PostMapping("/rubric/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String publish(@RequestParam(defaultValue = "") String definition,
			@RequestParam(defaultValue = "") String changeNote, Principal who, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Rubrics.Published published = rubrics.publish(definition, changeNote, who.getName());
			redirect.addFlashAttribute("message", "Version " + published.rubric().version()
					+ " is published: new campaigns use it; running campaigns keep the version they started with.");
			return "redirect:/rubric";
		}
		catch (InvalidRubricException e) {
			model.addAttribute("problems", e.problems());
		}
		catch (Rubrics.VersionTakenException e) {
			model.addAttribute("problems", List.of(e.getMessage()));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("current", rubrics.currentVersion());
		model.addAttribute("definition", definition);
		model.addAttribute("changeNote", changeNote);
		return "rubric/edit";
	}

}
