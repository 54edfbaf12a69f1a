package org.scratchpadlens.transcript;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
		return "runs";
	}

}
