package org.scratchpadlens.ingest.web;

import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.job.ImportJobNotFoundException;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportUndo;
import java.security.Principal;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ImportPageController {

	private final ImportJobQueries jobs;

	private final ImportUndo undo;

	private final UploadImports uploads;

	private final UploadLimit limit;

	ImportPageController(ImportJobQueries jobs, ImportUndo undo, UploadImports uploads, UploadLimit limit) {
		this.jobs = jobs;
		this.undo = undo;
		this.uploads = uploads;
		this.limit = limit;
	}

	record UploadForm(String run, String split, String model) {
	}

	@GetMapping("/imports")
	String list(Model model) {
		model.addAttribute("jobs", jobs.list());
		return "imports/list";
	}

	@GetMapping("/imports/new")
	String form(Model model) {
		model.addAttribute("form", new UploadForm(null, null, null));
		addLimit(model);
		return "imports/new";
	}

	private void addLimit(Model model) {
		ModelMap map = new ModelMap();
		limit.describe(map);
		model.addAllAttributes(map);
	}

	@PostMapping("/imports")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, UploadForm form,
			Principal principal, Model model) {
		try {
			ImportDefaults defaults = new ImportDefaults(form.run(), form.split(), form.model());
			long id = uploads.start(files == null ? List.of() : files, defaults, principal.getName());
			return "redirect:/imports/" + id;
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("form", form);
			model.addAttribute("error", e.getMessage());
			addLimit(model);
			return "imports/new";
		}
	}

	@GetMapping("/imports/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.find(id).orElseThrow(() -> new ImportJobNotFoundException(id)));
		model.addAttribute("total", uploads.total(id));
		return "imports/show";
	}

	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		show(id, model);
		return "imports/progress :: progress";
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	@PostMapping("/imports/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String undo(@PathVariable long id, RedirectAttributes redirect) {
		ImportUndo.UndoResult result = undo.undo(id);
		if (result.undone()) {
			redirect.addFlashAttribute("message",
					"Import " + id + " was undone: removed " + count(result.transcriptsRemoved(), "transcript version")
							+ ", " + count(result.documentsRemoved(), "document") + " and "
							+ count(result.promptFilesRemoved(), "prompt file") + ".");
		}
		else {
			redirect.addFlashAttribute("blockersTitle", "Import " + id + " cannot be undone:");
			redirect.addFlashAttribute("blockers", result.blockers());
		}
		return "redirect:/imports";
	}

}
