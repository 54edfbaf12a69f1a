package org.scratchpadlens.transcript;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.scratchpadlens.web.BadRequestException;
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
		return ResponseEntity
			.ok(pairs.pairs(id).orElseThrow(() -> new NotFoundException("There is no run " + id + ".")));
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

	/**
	 * The body of a setting change; its example is shown in the docs and in the error for
	 * a body that is not JSON.
	 */
	@Schema(example = "{\"setting\": \"helpful_only\"}",
			description = "setting: helpful_only, animal_welfare or unknown")
	record SettingChange(String setting) {
	}

	/**
	 * Admin: corrects a run's setting. Answers 204 with no body (the docs said 200, which
	 * it never answers).
	 */
	@PutMapping("/{id}/setting")
	@PreAuthorize("hasRole('ADMIN')")
	@ApiResponse(responseCode = "204", description = "The setting was saved; there is no body.")
	ResponseEntity<Void> setSetting(@PathVariable long id, @RequestBody SettingChange change) {
		if (change == null || !SETTINGS.contains(change.setting())) {
			throw new BadRequestException("setting must be one of " + String.join(", ", SETTINGS_IN_ORDER) + ".");
		}
		if (!runs.setSetting(id, change.setting())) {
			throw new NotFoundException("There is no run " + id + ".");
		}
		return ResponseEntity.noContent().build();
	}

}
