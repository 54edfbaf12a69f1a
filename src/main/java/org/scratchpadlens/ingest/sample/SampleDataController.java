package org.scratchpadlens.ingest.sample;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins remove the sample data in one action: from the Runs page, or by the API. */
@Controller
class SampleDataController {

	private final SampleData samples;

	SampleDataController(SampleData samples) {
		this.samples = samples;
	}

	@PostMapping("/samples/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String removeFromPage(RedirectAttributes redirect) {
		SampleData.Removal removal = samples.remove();
		if (removal.removed()) {
			redirect.addFlashAttribute("message",
					"The sample data was removed: " + removal.transcriptsRemoved() + " transcript versions, "
							+ removal.documentsRemoved() + " documents and " + removal.promptFilesRemoved()
							+ " prompt files. The imports stay listed as undone.");
		}
		else {
			redirect.addFlashAttribute("blockersTitle", "The sample data cannot be removed:");
			redirect.addFlashAttribute("blockers", removal.blockers());
		}
		return "redirect:/";
	}

	/**
	 * Undoes every import of the sample data; {@code 409} with the blockers (labels on
	 * sample transcripts) when it cannot.
	 */
	@DeleteMapping("/api/samples")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseBody
	ResponseEntity<?> remove() {
		SampleData.Removal removal = samples.remove();
		if (!removal.removed()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("error", "the sample data cannot be removed", "blockers", removal.blockers()));
		}
		return ResponseEntity.ok(removal);
	}

}
