package org.scratchpadlens.agreement.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scratchpadlens.agreement.CorrectedRate;
import org.scratchpadlens.agreement.CorrectedRate.Accuracy;
import org.scratchpadlens.agreement.CorrectedRate.Apparent;
import org.scratchpadlens.agreement.web.AgreementJson.ClassifierAgreement;
import org.scratchpadlens.agreement.web.AgreementJson.ClassifierSlice;
import org.scratchpadlens.agreement.web.AgreementJson.Proportion;
import org.scratchpadlens.agreement.web.AgreementJson.Stat;
import org.scratchpadlens.annotation.campaign.Reader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The classifier's rates over each run a campaign sampled, corrected for its errors on
 * the campaign's labels (issue #7, item 4; {@link CorrectedRate}): for each metric the
 * rubric maps to a question, the run's share of transcripts the metric calls true per
 * condition, the metric's sensitivity and specificity against the human reference (gold,
 * else majority; the classifier comparison of {@link AgreementService}) on the run's
 * labelled items, and the Rogan–Gladen estimate with its delta-method interval; and the
 * corrected difference between the conditions (for the refusal metric, the compliance
 * gap). Valid only when the campaign's items are a random sample of the run (or all of
 * it): a campaign whose filter selected by a metric or a text search gets the reason
 * instead of numbers.
 */
@Service
public class CorrectedRates {

	private final AgreementService agreement;

	private final JdbcClient jdbc;

	CorrectedRates(AgreementService agreement, JdbcClient jdbc) {
		this.agreement = agreement;
		this.jdbc = jdbc;
	}

	/**
	 * @param sampleProblem why the campaign's items are not a random sample of their runs
	 * (then {@code rates} and {@code differences} are empty), else null
	 * @param rates per run, metric and condition
	 * @param differences per run and metric: unmonitored minus training
	 */
	public record CorrectedRatesJson(long campaignId, String campaign, String sampling, String method,
			String sampleProblem, List<RateCorrection> rates, List<DifferenceCorrection> differences) {
	}

	/**
	 * @param classifier the share of the run's current transcripts in this condition the
	 * metric calls true (Wilson interval)
	 * @param sensitivity of the metric on the run's labelled items, against the human
	 * reference
	 * @param corrected the Rogan–Gladen estimate of the true rate, or why it is undefined
	 */
	public record RateCorrection(String run, String question, String metric, String condition, Proportion classifier,
			Proportion sensitivity, Proportion specificity, Stat corrected) {
	}

	/**
	 * @param classifier the metric's own difference of rates, unmonitored minus training
	 * @param corrected the corrected difference; for the refusal metric it equals the
	 * compliance gap (compliance in training minus compliance unmonitored)
	 */
	public record DifferenceCorrection(String run, String question, String metric, Double classifier, Stat corrected) {
	}

	/** The dashboard's campaigns at most. */
	static final int DASHBOARD_CAMPAIGNS = 20;

	/**
	 * The corrected rates of the newest campaigns this reader may see the agreement of
	 * (one who rates blind in a campaign is left out of it until it is over for them),
	 * for the dashboard.
	 */
	public List<CorrectedRatesJson> recent(Reader reader) {
		List<Long> ids = jdbc
			.sql("select id from campaign order by id desc fetch first %d rows only".formatted(DASHBOARD_CAMPAIGNS))
			.query(Long.class)
			.list();
		List<CorrectedRatesJson> all = new ArrayList<>();
		for (long id : ids) {
			try {
				CorrectedRatesJson json = campaign(id, reader);
				if (!json.rates().isEmpty()) {
					all.add(json);
				}
			}
			catch (org.scratchpadlens.annotation.campaign.NotARaterException blind) {
				// rates blind in this campaign: its labels stay hidden from them
			}
		}
		return all;
	}

	public CorrectedRatesJson campaign(long campaignId, Reader reader) {
		AgreementJson a = agreement.campaign(campaignId, reader, false);
		Map<String, Object> row = jdbc.sql("select filter_query, sample_json from campaign where id = ?")
			.param(campaignId)
			.query()
			.singleRow();
		String filter = (String) row.get("filter_query");
		String sampling = row.get("sample_json") == null ? "every transcript the filter selects"
				: "a seeded random sample of the transcripts the filter selects";
		String problem = sampleProblem(filter);
		if (problem != null) {
			return new CorrectedRatesJson(a.campaignId(), a.campaign(), sampling, CorrectedRate.METHOD, problem,
					List.of(), List.of());
		}
		List<RateCorrection> rates = new ArrayList<>();
		List<DifferenceCorrection> differences = new ArrayList<>();
		for (ClassifierAgreement c : a.classifier()) {
			for (ClassifierSlice s : c.slices()) {
				if (s.run() == null || !"all".equals(s.condition())) {
					continue;
				}
				long tp = s.confusion().get(0).get(0);
				long fp = s.confusion().get(0).get(1);
				long fn = s.confusion().get(1).get(0);
				long tn = s.confusion().get(1).get(1);
				Accuracy accuracy = new Accuracy(tp, tp + fn, tn, tn + fp);
				Proportion sensitivity = AgreementService.wilson(tp, tp + fn,
						"no labelled item the raters call positive");
				Proportion specificity = AgreementService.wilson(tn, tn + fp,
						"no labelled item the raters call negative");
				Map<String, Apparent> apparent = apparent(s.run(), c.metric());
				List<String> conditions = conditions(c, s.run());
				for (String condition : conditions) {
					Apparent run = apparent.getOrDefault(condition, new Apparent(0, 0));
					rates.add(new RateCorrection(s.run(), c.question(), c.metric(), condition,
							AgreementService.wilson(run.positives(), run.total(),
									"no transcript of this condition has a value of the metric"),
							sensitivity, specificity,
							AgreementService.stat("rogan_gladen", CorrectedRate.rate(run, accuracy), s.compared())));
				}
				if (conditions.size() == 2) {
					Apparent deploy = apparent.getOrDefault("deploy", new Apparent(0, 0));
					Apparent train = apparent.getOrDefault("train", new Apparent(0, 0));
					Double raw = deploy.total() == 0 || train.total() == 0 ? null
							: (double) deploy.positives() / deploy.total() - (double) train.positives() / train.total();
					differences.add(new DifferenceCorrection(s.run(), c.question(), c.metric(), raw,
							AgreementService.stat("rogan_gladen_difference",
									CorrectedRate.difference(deploy, train, accuracy), s.compared())));
				}
			}
		}
		return new CorrectedRatesJson(a.campaignId(), a.campaign(), sampling, CorrectedRate.METHOD, null, rates,
				differences);
	}

	/** The conditions of the run the campaign has compared items in, training first. */
	private static List<String> conditions(ClassifierAgreement c, String run) {
		List<String> conditions = new ArrayList<>();
		for (String condition : List.of("train", "deploy")) {
			boolean present = c.slices()
				.stream()
				.anyMatch(s -> run.equals(s.run()) && condition.equals(s.condition()) && s.compared() > 0);
			if (present) {
				conditions.add(condition);
			}
		}
		return conditions;
	}

	/**
	 * Per condition, the run's current transcripts the boolean metric calls true, of
	 * those with a value.
	 */
	private Map<String, Apparent> apparent(String run, String metric) {
		Map<String, Apparent> byCondition = new HashMap<>();
		jdbc.sql("""
				select t.split, sum(case when m.bool_value then 1 else 0 end), count(*)
				from transcript t join run r on r.id = t.run_id
				join metric m on m.transcript_id = t.id join metric_name n on n.id = m.metric_name_id
				where t.is_current and r.path = ? and n.name = ? and m.value_type = 'boolean'
				group by t.split""").params(run, metric).query(rs -> {
			byCondition.put(rs.getString(1), new Apparent(rs.getLong(2), rs.getLong(3)));
		});
		return byCondition;
	}

	/**
	 * Why the campaign's items are not a random sample of their runs: its filter chose
	 * transcripts by a metric or a text search (conditions and paging are fine).
	 */
	static String sampleProblem(String filter) {
		Map<String, List<String>> params = new LinkedHashMap<>(
				UriComponentsBuilder.newInstance().query(filter == null ? "" : filter).build().getQueryParams());
		List<String> chosenBy = params.keySet().stream().filter(p -> p.equals("q") || p.startsWith("metric.")).toList();
		if (chosenBy.isEmpty()) {
			return null;
		}
		return "the campaign's filter chose transcripts by " + String.join(", ", chosenBy)
				+ ", so its items are not a random sample of their runs and the classifier's errors on them say "
				+ "nothing about its errors over a run";
	}

}
