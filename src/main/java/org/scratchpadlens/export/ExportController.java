package org.scratchpadlens.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.scratchpadlens.export.ExportScope.Scope;
import org.scratchpadlens.transcript.Readers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads: labels (long), transcripts (wide) and one question's ratings, for the
 * transcript list's filter (its parameters) and optionally one campaign. Streamed: each
 * batch of rows is written as it is read. Parameters are checked before the first byte,
 * so a bad one is a 400 with {@code {"error": ...}}.
 */
@Tag(name = "Exports",
		description = "Labels and transcripts as CSV (RFC 4180, UTF-8, text cells neutralised against spreadsheet "
				+ "formulas) or JSON Lines, for the transcript list's filter; one question's ratings for the "
				+ "agreement command")
@RestController
@RequestMapping("/export")
class ExportController {

	static final String CSV = "text/csv;charset=UTF-8";

	static final String JSONL = "application/jsonl;charset=UTF-8";

	private final ExportScope scopes;

	private final Exports exports;

	ExportController(ExportScope scopes, Exports exports) {
		this.scopes = scopes;
		this.exports = exports;
	}

	@GetMapping("/labels.csv")
	@Operation(summary = "Labels, long: a row per answer, per evidence span and per gold answer",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "campaign",
							description = "a campaign id: only its items and labels"),
					@Parameter(in = ParameterIn.QUERY, name = "pseudonyms",
							description = "true: rater-01, rater-02, ... (accounts in creation order) for names"),
					@Parameter(in = ParameterIn.QUERY, name = "run",
							description = "any parameter of GET /api/transcripts filters the transcripts (setting, "
									+ "run, variation, split, model, metric.<name>, q); paging and sort are ignored") })
	void labelsCsv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		download(parameters, response, "labels", CSV, exports::labels);
	}

	@GetMapping("/labels.jsonl")
	@Operation(summary = "Labels, long, as JSON Lines (the CSV's columns as keys, typed values)")
	void labelsJsonLines(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		download(parameters, response, "labels", JSONL, exports::labels);
	}

	@GetMapping("/transcripts.csv")
	@Operation(
			summary = "Transcripts, wide: a row per transcript with its conditions, metrics, each rater's "
					+ "answers, the majority (or 'tie') and the gold answer per question",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "campaign",
							description = "a campaign id: only its items and labels"),
					@Parameter(in = ParameterIn.QUERY, name = "pseudonyms", description = "true: pseudonyms") })
	void transcriptsCsv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		download(parameters, response, "transcripts", CSV, exports::transcripts);
	}

	@GetMapping("/transcripts.jsonl")
	@Operation(summary = "Transcripts, wide, as JSON Lines")
	void transcriptsJsonLines(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		download(parameters, response, "transcripts", JSONL, exports::transcripts);
	}

	@GetMapping("/ratings.csv")
	@Operation(
			summary = "One question's ratings in a campaign, as the agreement command reads them "
					+ "(item,<raters>; an empty cell where a rater gave no answer)",
			parameters = { @Parameter(in = ParameterIn.QUERY, name = "campaign", required = true),
					@Parameter(in = ParameterIn.QUERY, name = "question", required = true,
							description = "a rubric question key, e.g. verdict"),
					@Parameter(in = ParameterIn.QUERY, name = "pseudonyms", description = "true: pseudonyms") })
	void ratingsCsv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		Scope scope = scopes.resolve(parameters, Readers.current());
		String question = ExportScope.blankToNull(parameters.getFirst("question"));
		Exports.checkRatings(scope, question);
		try (Writer out = open(response, CSV, "ratings-campaign-" + scope.campaign().id() + "-" + question + ".csv")) {
			exports.ratings(scope, question, new CsvRowWriter(out));
		}
	}

	/** Writes one export of the labels or the transcripts. */
	@FunctionalInterface
	private interface Export {

		void write(Scope scope, RowWriter out) throws IOException;

	}

	/**
	 * The scope from the parameters (a 400 or 404 before the first byte), then the
	 * download {@code <what>[-campaign-<id>].csv|jsonl} in the format of the content
	 * type.
	 */
	private void download(MultiValueMap<String, String> parameters, HttpServletResponse response, String what,
			String contentType, Export export) throws IOException {
		Scope scope = scopes.resolve(parameters, Readers.current());
		boolean csv = contentType.equals(CSV);
		String name = what + (scope.campaign() == null ? "" : "-campaign-" + scope.campaign().id())
				+ (csv ? ".csv" : ".jsonl");
		try (Writer out = open(response, contentType, name)) {
			export.write(scope, csv ? new CsvRowWriter(out) : new JsonLinesRowWriter(out));
		}
	}

	private static Writer open(HttpServletResponse response, String contentType, String fileName) throws IOException {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
	}

}
