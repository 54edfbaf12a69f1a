package org.scratchpadlens.export;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.scratchpadlens.export.LabelImport.Problem;
import org.scratchpadlens.export.LabelImport.Report;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Labels back from an edited long export: the CSV as the body ({@code text/csv}) or as
 * the multipart part {@code file}.
 */
@Tag(name = "Exports")
@RestController
class LabelImportApiController {

	private final LabelImport imports;

	LabelImportApiController(LabelImport imports) {
		this.imports = imports;
	}

	/**
	 * @param error null when the file was imported; else what to do, the problems listed
	 * beside it
	 */
	record ImportReply(String error, boolean imported, long rows, int labels, int created, int revised, int unchanged,
			long goldRows, List<Problem> problems) {

		static ImportReply of(Report r) {
			String error = r.imported() ? null
					: r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems")
							+ " (listed with their lines): nothing was imported. Fix them and import the file again.";
			return new ImportReply(error, r.imported(), r.rows(), r.labels(), r.created(), r.revised(), r.unchanged(),
					r.goldRows(), r.problems());
		}

	}

	@PostMapping("/api/labels/import")
	@Operation(summary = "Import labels from the long CSV (as exported, edited in a spreadsheet)",
			description = "All or nothing: unless every row is right nothing is stored, and each problem is listed "
					+ "with its line (400). Each annotator's rows on an item are their label there; a label that "
					+ "already says the same is left alone (importing a file twice adds nothing); a changed one gets "
					+ "a new revision. Gold rows are counted and left alone.")
	ResponseEntity<ImportReply> importLabels(
			@Parameter(
					description = "the CSV file (multipart); or send the CSV itself as a text/csv body") @RequestParam(
							name = "file", required = false) MultipartFile file,
			@RequestParam(name = "campaign", required = false) Long campaign, HttpServletRequest request)
			throws IOException {
		try (Reader reader = new InputStreamReader(file != null ? file.getInputStream() : request.getInputStream(),
				StandardCharsets.UTF_8.newDecoder())) {
			Report report = imports.importCsv(reader, campaign);
			return ResponseEntity.status(report.imported() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
				.body(ImportReply.of(report));
		}
	}

}
