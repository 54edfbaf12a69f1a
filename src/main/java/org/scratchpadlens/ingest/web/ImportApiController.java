package org.scratchpadlens.ingest.web;

import org.scratchpadlens.ingest.job.ImportJobNotFoundException;
import org.scratchpadlens.ingest.job.ImportFiles;
import org.scratchpadlens.ingest.job.ImportJobView;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportUndo;
import java.util.List;
import java.util.Map;

import org.scratchpadlens.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/imports")
class ImportApiController {

	private final ImportJobQueries jobs;

	private final ImportUndo undo;

	ImportApiController(ImportJobQueries jobs, ImportUndo undo) {
		this.jobs = jobs;
		this.undo = undo;
	}

	@GetMapping
	List<ImportJobView> list() {
		return jobs.list();
	}

	@GetMapping("/{id}")
	ImportJobView get(@PathVariable long id) {
		return jobs.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
	}

	/**
	 * What happened to each file the job read: imported, updated, unchanged,
	 * document_imported, document_unchanged, prompt_imported, prompt_unchanged (rejected
	 * files are in the job itself), a page at a time.
	 */
	@GetMapping("/{id}/files")
	ResponseEntity<ImportFiles> files(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "1000") int limit) {
		if (offset < 0 || limit < 1 || limit > 10_000) {
			throw new BadRequestException("offset must be 0 or more, and limit 1 to 10000.");
		}
		return ResponseEntity.ok(jobs.files(id, outcome, offset, limit));
	}

	/**
	 * Undo: removes what the job added, unless labels (or other data) depend on it: 409
	 * with the blockers.
	 */
	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<?> delete(@PathVariable long id) {
		ImportUndo.UndoResult result = undo.undo(id);
		if (!result.undone()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("error", "import job " + id + " cannot be undone", "blockers", result.blockers()));
		}
		return ResponseEntity.ok(result);
	}

}
