package org.scratchpadlens.transcript;

import java.util.List;
import java.util.Set;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/runs")
class RunApiController {

	static final List<String> SETTINGS_IN_ORDER = List.of("helpful_only", "animal_welfare", "unknown");

	static final Set<String> SETTINGS = Set.copyOf(SETTINGS_IN_ORDER);

	private final RunQueries runs;

	private final PairQueries pairs;

	RunApiController(RunQueries runs, PairQueries pairs) {
		this.runs = runs;
		this.pairs = pairs;
	}

	/**
	 * Train/deploy pairs of a run's current transcripts, with how each pair was matched.
	 */
	@GetMapping("/{id}/pairs")
	ResponseEntity<RunPairs> pairs(@PathVariable long id) {
		return ResponseEntity.ok(pairs.pairs(id).orElseThrow(() -> new NotFoundException("no run " + id)));
	}

	@GetMapping
	List<RunSummary> list() {
		return runs.summaries();
	}

	/**
	 * Counts of what the store holds: current transcripts, all versions, documents,
	 * prompts.
	 */
	@GetMapping("/totals")
	StoreTotals totals() {
		return runs.totals();
	}

	record SettingChange(String setting) {
	}

	@PutMapping("/{id}/setting")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<?> setSetting(@PathVariable long id, @RequestBody SettingChange change) {
		if (change == null || !SETTINGS.contains(change.setting())) {
			return ResponseEntity.badRequest()
				.body(java.util.Map.of("error", "setting must be one of " + SETTINGS_IN_ORDER));
		}
		return runs.setSetting(id, change.setting()) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

}
