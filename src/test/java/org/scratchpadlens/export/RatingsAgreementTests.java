package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.agreement.AgreementCalculator;
import org.scratchpadlens.agreement.AgreementReport;
import org.scratchpadlens.agreement.Estimate;
import org.scratchpadlens.agreement.RatingTable;
import org.scratchpadlens.agreement.Statistic;
import org.scratchpadlens.support.AppTest;

/**
 * The command line and the app give the same numbers: labels copied from published
 * reliability tables (src/test/resources/irr) into a campaign, exported as one question's
 * ratings, read back by the agreement engine as the {@code agreement} command reads a
 * file, give the PUBLISHED values.
 */
@AppTest
class RatingsAgreementTests extends ExportTestBase {

	@BeforeEach
	void setUp() {
		sampleData();
		forgetCampaigns();
	}

	/**
	 * Copies a published table into a new campaign of as many items (the i-th row onto
	 * the i-th item), its raters as accounts, and exports the question's ratings.
	 */
	RatingTable throughTheApp(String file, String question) throws Exception {
		RatingTable published = RatingTable.readCsv(Path.of("src/test/resources/irr", file));
		List<String> raters = published.raterIds().stream().map(r -> "coder_" + r).toList();
		raters.forEach(r -> user(r, Role.ANNOTATOR));
		long campaign = campaign(file, "{}", published.itemCount(), raters, false);
		List<Long> items = items(campaign);
		assertThat(items).hasSize(published.itemCount());
		for (int i = 0; i < published.itemCount(); i++) {
			for (int r = 0; r < published.raterCount(); r++) {
				String code = published.code(i, r);
				if (code != null) {
					label(campaign, items.get(i), raters.get(r), answers(question, code));
				}
			}
		}
		Reply reply = get("/export/ratings.csv?campaign=" + campaign + "&question=" + question, "admin");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		RatingTable exported = RatingTable.readCsv(new StringReader(reply.text()));
		assertThat(exported.raterIds()).isEqualTo(raters);
		assertThat(exported.itemCount()).isEqualTo(published.itemCount());
		return exported;
	}

	@Test
	void cohensKappaOfTheWikipediaExampleIsPointFour() throws Exception {
		AgreementReport report = AgreementCalculator
			.compute(throughTheApp("cohen_wikipedia_2x2_expanded.csv", "verdict"));
		assertThat(((Estimate) report.get(Statistic.COHEN_KAPPA)).value()).isCloseTo(0.4, within(1e-9));
		assertThat(((Estimate) report.get(Statistic.PERCENT_AGREEMENT)).value()).isCloseTo(0.7, within(1e-9));
	}

	@Test
	void krippendorffsAlphaOfHisFourCoderExampleIs113Over152() throws Exception {
		// unit 12 has one rating only and units 10 and 11 miss some: empty cells
		AgreementReport report = AgreementCalculator
			.compute(throughTheApp("krippendorff2011_4coders_12units.csv", "confidence"));
		assertThat(((Estimate) report.get(Statistic.KRIPPENDORFF_ALPHA)).value()).isCloseTo(113.0 / 152, within(1e-6));
		assertThat(((Estimate) report.get(Statistic.GWET_AC1)).value()).isCloseTo(0.77544, within(5e-6));
	}

}
