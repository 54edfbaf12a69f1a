package org.scratchpadlens.transcript.dashboard;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard", description = "Rates per run and split with 95% intervals, and the compliance gap")
class DashboardApiController {

	private final Dashboard dashboard;

	DashboardApiController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * Per run and split: n, and the partial_scheme, effective_scheme, alignment_faking
	 * and compliance rates (fractions 0..1) with 95% intervals; per run the compliance
	 * gap (deploy minus train refusal rate) with Newcombe's interval.
	 */
	@GetMapping("/api/dashboard")
	Dashboard.View dashboard() {
		return dashboard.view();
	}

}
