package org.scratchpadlens.agreement.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scratchpadlens.agreement.web.AgreementJson.QuestionAgreement;
import org.scratchpadlens.agreement.web.AgreementJson.Slice;
import org.scratchpadlens.agreement.web.AgreementJson.Stat;
import org.scratchpadlens.annotation.campaign.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's or a list filter's agreement as JSON, and its statistics as CSV. */
@Tag(name = "Agreement",
		description = "Agreement between raters and with the classifier, per question, condition and run, with intervals")
@RestController
class AgreementApiController {

	static final String[] CSV_HEADER = { "question", "condition", "run", "statistic", "value", "ci_low", "ci_high",
			"se", "items", "raters", "unreliable", "unreliable_reason", "undefined", "ci_method" };

	private final AgreementService agreement;

	AgreementApiController(AgreementService agreement) {
		this.agreement = agreement;
	}

	@GetMapping("/api/campaigns/{id}/agreement")
	AgreementJson campaign(@PathVariable long id, @RequestParam(required = false) String unclear, Authentication user) {
		return agreement.campaign(id, Reader.of(user), AgreementRequest.unclearAsCategory(unclear));
	}

	/**
	 * One row per question × slice (condition, run) × statistic; numeric cells are
	 * numbers, an empty cell is missing (undefined, or no interval).
	 */
	@GetMapping("/campaigns/{id}/agreement.csv")
	void csv(@PathVariable long id, @RequestParam(required = false) String unclear, Authentication user,
			HttpServletResponse response) throws IOException {
		AgreementJson json = agreement.campaign(id, Reader.of(user), AgreementRequest.unclearAsCategory(unclear));
		write(json, "campaign-" + id + "-agreement.csv", response);
	}

	/**
	 * The agreement of every label on the transcripts the list's filter selects (the
	 * list's parameters; {@code unclear} as for a campaign).
	 */
	@GetMapping("/api/agreement")
	AgreementJson filter(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(required = false) String unclear, Authentication user) {
		return agreement.filter(parameters, Reader.of(user), AgreementRequest.unclearAsCategory(unclear));
	}

	/** The filter's agreement as CSV, one row per question × slice × statistic. */
	@GetMapping("/agreement.csv")
	void filterCsv(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(required = false) String unclear, Authentication user, HttpServletResponse response)
			throws IOException {
		write(agreement.filter(parameters, Reader.of(user), AgreementRequest.unclearAsCategory(unclear)),
				"agreement.csv", response);
	}

	private static void write(AgreementJson json, String fileName, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
			for (QuestionAgreement q : json.questions()) {
				for (Slice s : q.slices()) {
					for (Stat stat : s.statistics()) {
						csv.printRecord(q.question(), s.condition(), s.run(), stat.statistic(), stat.value(),
								stat.ciLow(), stat.ciHigh(), stat.se(), stat.items(), s.raters(), stat.unreliable(),
								stat.unreliableReason(), stat.undefined(), stat.ciMethod());
					}
				}
			}
		}
	}

}
