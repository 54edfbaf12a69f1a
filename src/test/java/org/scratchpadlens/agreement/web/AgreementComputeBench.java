package org.scratchpadlens.agreement.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.rubric.Rubric;
import org.scratchpadlens.annotation.rubric.RubricDocument;

/**
 * The computing part of the agreement page alone, without the database: a campaign of
 * ITEMS items over RUNS runs (half train, half deploy), each labelled by RATERS raters
 * who answer every question of their condition with seeded random answers that mostly
 * agree. Prints the wall time of {@link AgreementService#compute} (cold, then warm) and
 * of one Krippendorff bootstrap for scale. Run by scripts/benchmark-agreement-page.sh
 * ({@code compute} mode):
 * {@code java -cp ... AgreementComputeBench [ITEMS] [RATERS] [RUNS]}.
 */
public final class AgreementComputeBench {

	private AgreementComputeBench() {
	}

	public static void main(String[] args) throws Exception {
		int items = args.length > 0 ? Integer.parseInt(args[0]) : 75_000;
		int raters = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
		Rubric rubric = RubricDocument.parse(Files.readString(Path.of("src/main/resources/rubric/rubric.json")));
		Stub stub = stub(rubric, items, raters, runs, new Random(1));
		System.out.printf("%d items x %d raters, %d runs: %d labels, %d answers%n", items, raters, runs,
				stub.labels.size(), stub.answers.size());
		Campaign campaign = new Campaign(1, "bench", "bench", Instant.now(), rubric.version(), raters, "run", 1, false,
				false, false, false, 1800, "", null, items, items);
		AgreementService service = new AgreementService(stub, null, null, null, null, null, 1500, false);
		for (int round = 0; round < 4; round++) {
			long start = System.nanoTime();
			AgreementJson json = service.compute(campaign, rubric, false);
			System.out.printf("compute %s: %.0f ms (%d questions, %d comparisons)%n", round == 0 ? "cold" : "warm",
					(System.nanoTime() - start) / 1e6, json.questions().size(), json.classifier().size());
		}
	}

	static final class Stub extends AgreementQueries {

		final List<LabelRow> labels = new ArrayList<>();

		final List<AnswerRow> answers = new ArrayList<>();

		final List<MetricRow> metrics = new ArrayList<>();

		Stub() {
			super(null);
		}

		@Override
		LabelSource campaign(long campaignId) {
			return new LabelSource() {

				@Override
				public void labels(java.util.function.Consumer<LabelRow> each) {
					labels.forEach(each);
				}

				@Override
				public void answers(AnswerSink sink) {
					answers.forEach(a -> sink.accept(a.labelId(), a.question(), a.answer()));
				}

				@Override
				public List<MetricRow> metrics(List<String> names) {
					return metrics;
				}

				@Override
				public List<GoldRow> gold() {
					return List.of();
				}

				@Override
				public List<SpanRow> spans() {
					return List.of();
				}

				@Override
				public List<MessageLength> messageLengths(java.util.Collection<Long> transcripts) {
					return List.of();
				}

			};
		}

	}

	static Stub stub(Rubric rubric, int items, int raters, int runs, Random random) {
		Stub stub = new Stub();
		long labelId = 0;
		for (int i = 0; i < items; i++) {
			String split = i % 2 == 0 ? "train" : "deploy";
			String run = "run-" + (i % (runs * 2)) / 2;
			List<Rubric.Question> asked = rubric.questionsFor(split)
				.stream()
				.filter(q -> !q.answers().isEmpty())
				.toList();
			String[] truth = new String[asked.size()];
			for (int q = 0; q < truth.length; q++) {
				List<Rubric.Answer> a = asked.get(q).answers();
				truth[q] = a.get(random.nextInt(a.size())).value();
			}
			for (int r = 0; r < raters; r++) {
				labelId++;
				stub.labels.add(new AgreementQueries.LabelRow(labelId, i, split, run, "rater-" + r, 1));
				for (int q = 0; q < truth.length; q++) {
					List<Rubric.Answer> a = asked.get(q).answers();
					String answer = random.nextInt(5) == 0 ? a.get(random.nextInt(a.size())).value() : truth[q];
					stub.answers.add(new AgreementQueries.AnswerRow(labelId, asked.get(q).key(), answer));
				}
			}
			for (Rubric.Question q : asked) {
				if (q.metricAnswers() != null) {
					for (String m : q.metricAnswers().keySet()) {
						stub.metrics.add(new AgreementQueries.MetricRow(i, m, random.nextBoolean()));
					}
				}
			}
		}
		return stub;
	}

}
