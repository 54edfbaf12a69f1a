package org.scratchpadlens.agreement.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.scratchpadlens.agreement.web.AdjudicationQueries.Gold;
import org.scratchpadlens.agreement.web.AdjudicationQueries.GoldRevision;
import org.scratchpadlens.annotation.RubricRules;
import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.ConflictException;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.annotation.rubric.Rubric;
import org.scratchpadlens.annotation.rubric.Rubrics;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjudication (issue #7, item 3): the queue of a campaign's items where raters disagree
 * with each other or with the classifier, and the gold answers an adjudicator records for
 * them. Disagreement with the classifier is judged as the agreement page judges it: the
 * reference (gold answer, else the binary majority) against each mapped boolean metric.
 * Readers are the agreement page's: browsers, and not while rating blind in the campaign
 * (see decision 0014). A campaign's queue is computed once and kept until a label, an
 * answer or a gold answer of the campaign changes; views with filters filter the kept
 * queue.
 */
@Service
public class AdjudicationService {

	static final List<String> KINDS = List.of("all", "raters", "classifier");

	static final List<String> STATES = List.of("all", "undecided", "decided");

	private final AgreementQueries agreementQueries;

	private final AdjudicationQueries queries;

	private final AgreementService agreement;

	private final CampaignAccess access;

	private final Rubrics rubrics;

	private final RubricRules rules;

	/** Campaigns whose queue is kept: the few most recently viewed. */
	static final int CAMPAIGNS_KEPT = 4;

	/**
	 * A queue with the signature of the campaign's labels, answers and gold answers it
	 * was computed from ({@link AgreementQueries#signature(long)}). The items, their runs
	 * and their metrics are not in the signature: a campaign's items are fixed when it is
	 * created, and a transcript's metrics are written once with it (a re-import writes a
	 * new transcript).
	 */
	private record Cached(String signature, List<QueueRow> rows) {
	}

	private final Map<Long, Cached> queues = Collections
		.synchronizedMap(new LinkedHashMap<Long, Cached>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
				return size() > CAMPAIGNS_KEPT;
			}
		});

	/**
	 * The mapped metrics of the items of the campaigns whose queues are kept: for the
	 * reasons above they do not change, and on H2 their read was two thirds of a queue's
	 * recomputation after a label changed.
	 */
	private record KeptMetrics(List<String> names, Map<Long, Map<String, Boolean>> values) {
	}

	private final Map<Long, KeptMetrics> metricsKept = Collections
		.synchronizedMap(new LinkedHashMap<Long, KeptMetrics>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, KeptMetrics> eldest) {
				return size() > CAMPAIGNS_KEPT;
			}
		});

	private final AtomicInteger computed = new AtomicInteger();

	AdjudicationService(AgreementQueries agreementQueries, AdjudicationQueries queries, AgreementService agreement,
			CampaignAccess access, Rubrics rubrics, RubricRules rules) {
		this.agreementQueries = agreementQueries;
		this.queries = queries;
		this.agreement = agreement;
		this.access = access;
		this.rubrics = rubrics;
		this.rules = rules;
	}

	/** An item in disagreement: which questions, and of which kind. */
	public record QueueRow(long transcriptId, String run, String split, List<String> questions,
			List<String> raterQuestions, List<String> classifierQuestions, List<String> decidedQuestions,
			boolean decided, String link) {
	}

	/**
	 * The queue as the page and the API show it: one page of the rows the filters match.
	 *
	 * @param matching how many rows the filters match (on every page)
	 * @param page this page, from 1
	 * @param size rows per page
	 * @param pages how many pages the matching rows fill
	 */
	public record Queue(long campaignId, String campaign, String kind, String question, String state,
			List<Rubric.Question> questions, int inDisagreement, List<QueueRow> rows, int matching, int page, int size,
			int pages) {

		/** The position of this page's first row among the matching ones, from 1. */
		public int from() {
			return rows.isEmpty() ? 0 : (page - 1) * size + 1;
		}

		public int to() {
			return from() + rows.size() - (rows.isEmpty() ? 0 : 1);
		}

	}

	/** Rows per page unless asked otherwise, and the most one page may hold. */
	public static final int PAGE_SIZE = 100;

	public static final int MAX_PAGE_SIZE = 1000;

	/**
	 * How many times a queue was computed from a campaign's labels since the start (read
	 * by tests to see that the queue is kept).
	 */
	int queuesComputed() {
		return computed.get();
	}

	/** The campaign for an adjudicator: 404, or 403 while they rate blind in it. */
	Campaign campaign(long campaignId, Reader reader) {
		Campaign campaign = access.readable(campaignId, reader);
		agreement.checkNotBlind(campaign, reader);
		return campaign;
	}

	Rubric rubric(Campaign campaign) {
		return rubrics.version(campaign.rubricVersion())
			.orElseThrow(() -> new IllegalStateException("rubric version " + campaign.rubricVersion() + " is missing"))
			.rubric();
	}

	static List<Rubric.Question> adjudicable(Rubric rubric) {
		return rubric.questions().stream().filter(q -> !"text".equals(q.type()) && !q.answers().isEmpty()).toList();
	}

	public Queue queue(long campaignId, Reader reader, String kind, String question, String state) {
		return queue(campaignId, reader, kind, question, state, null, null);
	}

	/**
	 * One page of the queue (a campaign of 75,000 items can have them all in
	 * disagreement: one page of them all was 92 MB of HTML).
	 * @param page from 1; null for the first
	 * @param size rows per page, 1 to {@value #MAX_PAGE_SIZE}; null for
	 * {@value #PAGE_SIZE}
	 */
	public Queue queue(long campaignId, Reader reader, String kind, String question, String state, Integer page,
			Integer size) {
		int p = page == null ? 1 : page;
		int n = size == null ? PAGE_SIZE : size;
		if (p < 1) {
			throw new BadRequestException("page must be 1 or more, not " + p);
		}
		if (n < 1 || n > MAX_PAGE_SIZE) {
			throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + n);
		}
		String k = choice("kind", kind, KINDS);
		String s = choice("state", state, STATES);
		Campaign campaign = campaign(campaignId, reader);
		Rubric rubric = rubric(campaign);
		List<Rubric.Question> asked = adjudicable(rubric);
		String q = question == null || question.isBlank() ? null : question;
		if (q != null && asked.stream().noneMatch(x -> x.key().equals(q))) {
			throw new BadRequestException(
					"question must be one of " + String.join(", ", asked.stream().map(Rubric.Question::key).toList())
							+ ", not '" + shorten(q) + "'");
		}
		List<QueueRow> all = rows(campaign, asked);
		List<QueueRow> rows = new ArrayList<>();
		for (QueueRow row : all) {
			List<String> considered = switch (k) {
				case "raters" -> row.raterQuestions();
				case "classifier" -> row.classifierQuestions();
				default -> row.questions();
			};
			if (considered.isEmpty() || (q != null && !considered.contains(q))) {
				continue;
			}
			boolean decided = q != null ? row.decidedQuestions().contains(q)
					: row.decidedQuestions().containsAll(considered);
			if ("decided".equals(s) && !decided || "undecided".equals(s) && decided) {
				continue;
			}
			rows.add(row);
		}
		int pages = (rows.size() + n - 1) / n;
		long first = (long) (p - 1) * n;
		List<QueueRow> shown = first >= rows.size() ? List.of()
				: List.copyOf(rows.subList((int) first, (int) Math.min(rows.size(), first + n)));
		return new Queue(campaignId, campaign.name(), k, q, s, asked, all.size(), shown, rows.size(), p, n, pages);
	}

	/**
	 * Every item of the campaign in disagreement of any kind, in the campaign's order:
	 * the kept queue while the campaign's signature is unchanged, else computed afresh.
	 */
	List<QueueRow> rows(Campaign campaign, List<Rubric.Question> asked) {
		// read before the labels: a label saved meanwhile leaves the kept queue stale
		String signature = agreementQueries.signature(campaign.id());
		Cached cached = queues.get(campaign.id());
		if (cached != null && cached.signature().equals(signature)) {
			return cached.rows();
		}
		List<QueueRow> rows = compute(campaign, asked);
		queues.put(campaign.id(), new Cached(signature, rows));
		return rows;
	}

	/** The queue read from the store: the campaign's labels, metrics and gold answers. */
	private List<QueueRow> compute(Campaign campaign, List<Rubric.Question> asked) {
		computed.incrementAndGet();
		long id = campaign.id();
		Map<Long, Map<String, String>> answersByLabel = new HashMap<>();
		for (AgreementQueries.AnswerRow a : agreementQueries.answers(id)) {
			answersByLabel.computeIfAbsent(a.labelId(), x -> new HashMap<>()).put(a.question(), a.answer());
		}
		Map<Long, Map<String, Map<String, String>>> byItem = new HashMap<>();
		for (AgreementQueries.LabelRow l : agreementQueries.labels(id)) {
			byItem.computeIfAbsent(l.transcriptId(), x -> new TreeMap<>())
				.put(l.annotator(), answersByLabel.getOrDefault(l.labelId(), Map.of()));
		}
		List<String> metricNames = metricNames(asked);
		KeptMetrics kept = metricsKept.get(id);
		if (kept == null || !kept.names().equals(metricNames)) {
			Map<Long, Map<String, Boolean>> read = new HashMap<>();
			for (AgreementQueries.MetricRow m : agreementQueries.metrics(id, metricNames)) {
				if (m.value() != null) {
					read.computeIfAbsent(m.transcriptId(), x -> new HashMap<>()).put(m.metric(), m.value());
				}
			}
			kept = new KeptMetrics(metricNames, read);
			metricsKept.put(id, kept);
		}
		Map<Long, Map<String, Boolean>> metrics = kept.values();
		Map<Long, Map<String, String>> gold = new HashMap<>();
		for (AgreementQueries.GoldRow g : agreementQueries.gold(id)) {
			gold.computeIfAbsent(g.transcriptId(), x -> new HashMap<>()).put(g.question(), g.answer());
		}
		List<QueueRow> rows = new ArrayList<>();
		for (AgreementQueries.ItemRow i : agreementQueries.items(id)) {
			Map<String, Map<String, String>> raters = byItem.get(i.transcriptId());
			if (raters == null) {
				continue;
			}
			Map<String, String> decided = gold.getOrDefault(i.transcriptId(), Map.of());
			List<String> byRaters = new ArrayList<>();
			List<String> byClassifier = new ArrayList<>();
			for (Rubric.Question q : asked) {
				if (ratersDisagree(raters, q.key())) {
					byRaters.add(q.key());
				}
				if (classifierDisagrees(raters, q, metrics.getOrDefault(i.transcriptId(), Map.of()), decided)) {
					byClassifier.add(q.key());
				}
			}
			if (byRaters.isEmpty() && byClassifier.isEmpty()) {
				continue;
			}
			Set<String> questions = new LinkedHashSet<>();
			for (Rubric.Question q : asked) {
				if (byRaters.contains(q.key()) || byClassifier.contains(q.key())) {
					questions.add(q.key());
				}
			}
			List<String> decidedQuestions = questions.stream().filter(decided::containsKey).toList();
			rows.add(new QueueRow(i.transcriptId(), i.run(), i.split(), List.copyOf(questions), List.copyOf(byRaters),
					List.copyOf(byClassifier), decidedQuestions, decidedQuestions.size() == questions.size(),
					"/campaigns/" + id + "/adjudication/" + i.transcriptId()));
		}
		return List.copyOf(rows);
	}

	/** The metrics mapped to these questions' answers. */
	static List<String> metricNames(List<Rubric.Question> asked) {
		return asked.stream()
			.filter(q -> q.metricAnswers() != null)
			.flatMap(q -> q.metricAnswers().keySet().stream())
			.distinct()
			.toList();
	}

	/** Not all usable answers (unclear left out) are equal. */
	static boolean ratersDisagree(Map<String, Map<String, String>> answersByRater, String question) {
		String first = null;
		for (Map<String, String> answers : answersByRater.values()) {
			String a = answers.get(question);
			if (a == null || AgreementService.UNCLEAR.equals(a)) {
				continue;
			}
			if (first == null) {
				first = a;
			}
			else if (!first.equals(a)) {
				return true;
			}
		}
		return false;
	}

	/** Some mapped boolean metric differs from the reference (gold, else majority). */
	static boolean classifierDisagrees(Map<String, Map<String, String>> answersByRater, Rubric.Question q,
			Map<String, Boolean> metrics, Map<String, String> gold) {
		// Most questions have no metric, most items no value of it: nothing to compare
		// (checked first; this runs for every item and question of the queue).
		if (q.metricAnswers() == null || metrics.isEmpty()) {
			return false;
		}
		List<String> values = null;
		int[] codes = null;
		for (Map.Entry<String, List<String>> m : q.metricAnswers().entrySet()) {
			Boolean machine = metrics.get(m.getKey());
			if (machine == null) {
				continue;
			}
			if (codes == null) {
				values = new ArrayList<>();
				codes = new int[answersByRater.size()];
				int r = 0;
				for (Map<String, String> answers : answersByRater.values()) {
					String a = answers.get(q.key());
					int at = a == null ? -1 : values.indexOf(a);
					if (a != null && at < 0) {
						values.add(a);
						at = values.size() - 1;
					}
					codes[r++] = at;
				}
			}
			AgreementService.Reference reference = AgreementService.reference(codes, values, m.getValue(),
					gold.get(q.key()));
			if (reference.value() != null && !reference.value().equals(machine)) {
				return true;
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- one item

	/** The current gold answers of an item and every decision. */
	public record GoldJson(long campaignId, long transcriptId, List<Gold> answers, List<GoldRevision> history) {
	}

	public GoldJson gold(long campaignId, long transcriptId, Reader reader) {
		campaign(campaignId, reader);
		item(campaignId, transcriptId);
		return new GoldJson(campaignId, transcriptId, queries.gold(campaignId, transcriptId),
				queries.history(campaignId, transcriptId));
	}

	/**
	 * The item's condition and run; 404 when the transcript is not an item of the
	 * campaign.
	 */
	AgreementQueries.ItemRow item(long campaignId, long transcriptId) {
		return queries.item(campaignId, transcriptId)
			.orElseThrow(() -> new NotFoundException(
					"Transcript " + transcriptId + " is not an item of campaign " + campaignId + "."));
	}

	/**
	 * Records the gold answer for one question: {@code revision} is the current gold
	 * answer's revision (0 when there is none); a stale one is a conflict (409).
	 */
	@Transactional
	public Gold save(long campaignId, long transcriptId, Reader reader, String question, String answer, String reason,
			Integer revision) {
		Campaign campaign = campaign(campaignId, reader);
		item(campaignId, transcriptId);
		Rubric.Question q = question(campaign, question);
		if (answer == null || answer.isBlank()) {
			throw new BadRequestException("answer is required: '" + q.key() + "' takes " + q.allowedAnswers());
		}
		List<String> problems = rules.problems(campaign.rubricVersion(), "masked", Map.of(q.key(), answer), false);
		if (!problems.isEmpty()) {
			throw new BadRequestException(String.join(" ", problems));
		}
		String why = reason(reason);
		int expected = revision(revision);
		int next = queries.lastRevision(campaignId, transcriptId, q.key()) + 1;
		Instant now = Instant.now();
		if (expected == 0) {
			try {
				queries.insert(campaignId, transcriptId, q.key(), answer, why, reader.username(), next, now);
			}
			catch (DuplicateKeyException e) {
				throw stale(q.key(), 0);
			}
		}
		else if (queries.update(campaignId, transcriptId, q.key(), answer, why, reader.username(), expected, next,
				now) == 0) {
			throw stale(q.key(), expected);
		}
		queries.revision(campaignId, transcriptId, q.key(), next, answer, why, reader.username(), now);
		return new Gold(q.key(), answer, why, reader.username(), next, now);
	}

	/** Withdraws the gold answer of one question (kept in the history). */
	@Transactional
	public void withdraw(long campaignId, long transcriptId, Reader reader, String question, Integer revision,
			String reason) {
		Campaign campaign = campaign(campaignId, reader);
		item(campaignId, transcriptId);
		Rubric.Question q = question(campaign, question);
		int expected = revision(revision);
		if (expected == 0 || queries.delete(campaignId, transcriptId, q.key(), expected) == 0) {
			throw stale(q.key(), expected);
		}
		int next = queries.lastRevision(campaignId, transcriptId, q.key()) + 1;
		String why = reason == null || reason.isBlank() ? "withdrawn" : reason.strip();
		queries.revision(campaignId, transcriptId, q.key(), next, null, why, reader.username(), Instant.now());
	}

	private Rubric.Question question(Campaign campaign, String key) {
		List<Rubric.Question> asked = adjudicable(rubric(campaign));
		if (key == null || key.isBlank()) {
			throw new BadRequestException("question is required: one of "
					+ String.join(", ", asked.stream().map(Rubric.Question::key).toList()));
		}
		return asked.stream()
			.filter(q -> q.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new BadRequestException(
					"question must be one of " + String.join(", ", asked.stream().map(Rubric.Question::key).toList())
							+ ", not '" + shorten(key) + "'"));
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("reason is required: say why this is the gold answer");
		}
		if (reason.length() > 10000) {
			throw new BadRequestException("reason is too long (at most 10000 characters)");
		}
		return reason.strip();
	}

	private static int revision(Integer revision) {
		if (revision == null || revision < 0) {
			throw new BadRequestException("revision is required: the current gold answer's revision, 0 for a new one");
		}
		return revision;
	}

	private static ConflictException stale(String question, int revision) {
		return new ConflictException("The gold answer to '" + question + "' changed since revision " + revision
				+ " was read (someone else decided it meanwhile): reload to see it, then decide again.");
	}

	static String choice(String name, String value, List<String> allowed) {
		if (value == null || value.isBlank()) {
			return allowed.get(0);
		}
		if (!allowed.contains(value)) {
			throw new BadRequestException(
					name + " must be one of " + String.join(", ", allowed) + ", not '" + shorten(value) + "'");
		}
		return value;
	}

	static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

	// ---------------------------------------------------------------- the page

	/** One question on the adjudicator page. */
	public record QuestionView(Rubric.Question question, Map<String, String> raterAnswers, boolean ratersDisagree,
			boolean classifierDisagrees, Map<String, Boolean> metrics, Gold gold) {
	}

	public record ItemPage(Campaign campaign, long transcriptId, String run, String split, List<String> raters,
			List<QuestionView> questions, List<AdjudicationQueries.LabelSpan> spans, List<GoldRevision> history,
			Long next, int queuePosition, int queueSize) {
	}

	public ItemPage page(long campaignId, long transcriptId, Reader reader) {
		Campaign campaign = campaign(campaignId, reader);
		AgreementQueries.ItemRow row = item(campaignId, transcriptId);
		List<Rubric.Question> asked = adjudicable(rubric(campaign));
		List<QueueRow> queue = rows(campaign, asked);
		QueueRow here = queue.stream().filter(r -> r.transcriptId() == transcriptId).findFirst().orElse(null);
		int at = here == null ? -1 : queue.indexOf(here);
		Long next = null;
		for (int i = 1; i <= queue.size() && next == null; i++) {
			QueueRow r = queue.get(Math.floorMod(at + i, queue.size()));
			if (r.transcriptId() != transcriptId && !r.decided()) {
				next = r.transcriptId();
			}
		}
		Map<String, Map<String, String>> byQuestion = new LinkedHashMap<>();
		for (AdjudicationQueries.LabelAnswer a : queries.answers(campaignId, transcriptId)) {
			byQuestion.computeIfAbsent(a.question(), x -> new TreeMap<>()).put(a.annotator(), a.answer());
		}
		Map<String, Gold> gold = new HashMap<>();
		queries.gold(campaignId, transcriptId).forEach(g -> gold.put(g.question(), g));
		List<String> metricNames = metricNames(asked);
		Map<String, Boolean> metrics = queries.metrics(transcriptId, metricNames);
		List<QuestionView> views = new ArrayList<>();
		for (Rubric.Question q : asked) {
			if (!q.askedIn(row.split()) && !gold.containsKey(q.key()) && !byQuestion.containsKey(q.key())) {
				continue;
			}
			Map<String, Boolean> mapped = new TreeMap<>();
			if (q.metricAnswers() != null) {
				q.metricAnswers().keySet().forEach(name -> mapped.put(name, metrics.get(name)));
			}
			views.add(new QuestionView(q, byQuestion.getOrDefault(q.key(), Map.of()),
					here != null && here.raterQuestions().contains(q.key()),
					here != null && here.classifierQuestions().contains(q.key()), mapped, gold.get(q.key())));
		}
		return new ItemPage(campaign, transcriptId, row.run(), row.split(), queries.raters(campaignId, transcriptId),
				views, queries.spans(campaignId, transcriptId), queries.history(campaignId, transcriptId), next, at + 1,
				queue.size());
	}

}
