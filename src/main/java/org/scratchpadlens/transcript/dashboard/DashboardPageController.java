package org.scratchpadlens.transcript.dashboard;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardPageController {

	private final Dashboard dashboard;

	DashboardPageController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model, HttpServletRequest request) {
		Dashboard.View view = dashboard.view();
		model.addAttribute("runs", view.runs());
		model.addAttribute("blindLeftOut", view.blindLeftOut());
		model.addAttribute("anySample", view.runs().stream().anyMatch(Dashboard.RunStats::sample));
		model.addAttribute("show", new DashboardFormat(request.getContextPath()));
		model.addAttribute("unconfigured",
				view.runs()
					.stream()
					.filter(r -> r.refusalMetric() == null)
					.map(Dashboard.RunStats::setting)
					.distinct()
					.sorted()
					.toList());
		return "dashboard";
	}

}
