package org.scratchpadlens.annotation.rubric;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rubric")
@Tag(name = "Rubric", description = "The labelling rubric's versions: questions, answers, definitions, metrics")
class RubricApiController {

	private final Rubrics rubrics;

	RubricApiController(Rubrics rubrics) {
		this.rubrics = rubrics;
	}

	@GetMapping
	@Operation(summary = "The current rubric version")
	RubricJson current() {
		return RubricJson.of(rubrics.current());
	}

	@GetMapping("/versions")
	@Operation(summary = "Every published version, newest first (without their questions)")
	List<RubricJson.VersionLine> versions() {
		List<Rubrics.Published> history = rubrics.history();
		List<Integer> numbers = rubrics.versionNumbers();
		List<RubricJson.VersionLine> lines = new ArrayList<>();
		for (int i = 0; i < history.size() && i < numbers.size(); i++) {
			Rubrics.Published p = history.get(i);
			lines.add(new RubricJson.VersionLine(numbers.get(i), p.publishedAt(), p.publishedBy(), p.changeNote()));
		}
		return lines;
	}

	@GetMapping("/versions/{version}")
	@Operation(summary = "One published version")
	RubricJson version(@PathVariable int version) {
		return RubricJson.of(rubrics.version(version)
			.orElseThrow(() -> new NotFoundException("There is no rubric version " + version + ".")));
	}

	/**
	 * Admin: publishes the body (a rubric definition, as GET answers it or as in
	 * rubric/rubric.json) as the next version. "version" may be left out; "changeNote" is
	 * kept beside the version.
	 */
	@PostMapping(path = "/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Publish a new version (admins)")
	@ApiResponse(responseCode = "201", description = "Published; the body is the new version")
	ResponseEntity<RubricJson> publish(@RequestBody(required = false) String definition, Principal who) {
		if (definition == null || definition.isBlank()) {
			throw new BadRequestException(
					"The body must be a rubric definition (JSON), as GET /api/rubric answers it.");
		}
		Rubrics.Published published = rubrics.publish(definition, null, who.getName());
		return ResponseEntity.created(URI.create("/api/rubric/versions/" + published.rubric().version()))
			.body(RubricJson.of(published));
	}

	@ExceptionHandler(InvalidRubricException.class)
	ResponseEntity<java.util.Map<String, Object>> invalid(InvalidRubricException e) {
		return ResponseEntity.badRequest().body(java.util.Map.of("error", e.getMessage(), "problems", e.problems()));
	}

	@ExceptionHandler(Rubrics.VersionTakenException.class)
	ResponseEntity<java.util.Map<String, Object>> taken(Rubrics.VersionTakenException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(java.util.Map.of("error", e.getMessage()));
	}

}
