package org.scratchpadlens.agreement.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;

import org.scratchpadlens.agreement.UnitizingAlpha;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.scratchpadlens.agreement.AgreementCalculator;
import org.scratchpadlens.agreement.AgreementReport;
import org.scratchpadlens.agreement.CategorySet;
import org.scratchpadlens.agreement.Estimate;
import org.scratchpadlens.agreement.MeasurementLevel;
import org.scratchpadlens.agreement.Statistic;
import org.scratchpadlens.agreement.StatisticResult;
import org.scratchpadlens.agreement.Undefined;
import org.scratchpadlens.agreement.web.AgreementJson.ClassifierAgreement;
import org.scratchpadlens.agreement.web.AgreementJson.ClassifierSlice;
import org.scratchpadlens.agreement.web.AgreementJson.Confusion;
import org.scratchpadlens.agreement.web.AgreementJson.PairKappa;
import org.scratchpadlens.agreement.web.AgreementJson.Proportion;
import org.scratchpadlens.agreement.web.AgreementJson.QuestionAgreement;
import org.scratchpadlens.agreement.web.AgreementJson.RaterDistribution;
import org.scratchpadlens.agreement.web.AgreementJson.Slice;
import org.scratchpadlens.agreement.web.AgreementJson.SpanAgreement;
import org.scratchpadlens.agreement.web.AgreementJson.Stat;
import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.CampaignJson;
import org.scratchpadlens.annotation.campaign.CampaignProgress;
import org.scratchpadlens.annotation.campaign.NotARaterException;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.annotation.rubric.Rubric;
import org.scratchpadlens.annotation.rubric.Rubrics;
import org.scratchpadlens.transcript.list.TranscriptList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A campaign's agreement: reads its labels once and computes, per rubric question and
 * slice (all items, each condition, each run), the engine's statistics, the raters'
 * pairwise kappas, distributions and confusion matrices; the automated metrics against
 * the human answers; and span agreement. Results are kept per campaign until a label or
 * gold answer changes.
 */
@Service
public class AgreementService {

	private static final Logger LOG = LoggerFactory.getLogger(AgreementService.class);

	/**
	 * Fewer pairable (or, for Cohen and Fleiss, complete) items than this: unreliable.
	 */
	public static final int UNRELIABLE_BELOW = 20;

	static final String UNCLEAR = "unclear";

	/**
	 * Disagreeing transcripts listed per classifier slice: thousands of links help nobody
	 * (and made a 75,000-item campaign's JSON 9 MB); the adjudication queue has them all.
	 */
	static final int DISAGREEING_LISTED = 100;

	private static final CategorySet TRUE_FALSE = CategorySet.of("true", "false");

	private final AgreementQueries queries;

	private final Rubrics rubrics;

	private final CampaignAccess access;

	private final CampaignProgress progress;

	private final TranscriptList list;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/** The label tables of the few campaigns most recently viewed. */
	private final Map<Long, CampaignTables> tables = new LinkedHashMap<>(8, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, CampaignTables> eldest) {
			return size() > CAMPAIGNS_KEPT;
		}
	};

	private static final int CAMPAIGNS_KEPT = 4;

	/** Filter-wide agreements, the few most recently asked for. */
	private final Map<String, Cached> filterCache = Collections
		.synchronizedMap(new LinkedHashMap<String, Cached>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
				return size() > FILTERS_KEPT;
			}
		});

	private static final int FILTERS_KEPT = 8;

	/** Parameters of the agreement itself; every other one is the list's filter. */
	static final Set<String> OWN = Set.of("unclear", "size", "page", "cursor", "sort", "seed");

	private record Cached(String signature, AgreementJson json) {
	}

	/**
	 * Computes campaigns' agreement one at a time, off the request threads: a view waits
	 * for it up to {@link #waitMillis}, then shows the last finished result, marked as
	 * being updated.
	 */
	private final ExecutorService computing = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "agreement");
		t.setDaemon(true);
		t.setPriority(Thread.NORM_PRIORITY - 1);
		return t;
	});

	private final Map<String, CompletableFuture<Cached>> inFlight = new ConcurrentHashMap<>();

	private final long waitMillis;

	private final boolean warmUp;

	private final FiguresStore stored;

	/** Each kept campaign's slices, reused while their inputs are unchanged. */
	private final SliceMemo memo = new SliceMemo();

	private final AtomicInteger computations = new AtomicInteger();

	AgreementService(AgreementQueries queries, Rubrics rubrics, CampaignAccess access, CampaignProgress progress,
			TranscriptList list, FiguresStore stored, @Value("${scratchpad.agreement.wait-millis:800}") long waitMillis,
			@Value("${scratchpad.agreement.warm-up:true}") boolean warmUp) {
		this.stored = stored;
		this.waitMillis = waitMillis;
		this.warmUp = warmUp;
		this.list = list;
		this.queries = queries;
		this.rubrics = rubrics;
		this.access = access;
		this.progress = progress;
	}

	/**
	 * The campaign's agreement for this reader: 404 for no such campaign, 403 for a rater
	 * still blind in it (see {@link #checkNotBlind}).
	 * @param unclearAsCategory count "unclear" as a category rather than as missing
	 */
	public AgreementJson campaign(long campaignId, Reader reader, boolean unclearAsCategory) {
		return figures(campaignId, reader, unclearAsCategory, true).orElseThrow();
	}

	/**
	 * The same for a page, which never waits long: empty while the campaign's first
	 * figures since the start are still being computed (the page says so and reloads).
	 */
	public Optional<AgreementJson> campaignForPage(long campaignId, Reader reader, boolean unclearAsCategory) {
		return figures(campaignId, reader, unclearAsCategory, false);
	}

	private Optional<AgreementJson> figures(long campaignId, Reader reader, boolean unclearAsCategory,
			boolean waitForFirst) {
		Campaign campaign = access.readable(campaignId, reader);
		checkNotBlind(campaign, reader);
		String key = campaignId + "/" + unclearAsCategory;
		AgreementQueries.CampaignState state = queries.state(campaignId);
		Cached cached = cache.get(key);
		if (cached == null && stored != null) {
			// the figures kept before the last start, current or not
			cached = stored.load(campaignId, unclearAsCategory)
				.map(k -> new Cached(k.signature(), k.json()))
				.orElse(null);
			if (cached != null) {
				cache.putIfAbsent(key, cached);
			}
		}
		if (cached != null && cached.signature().equals(state.signature())) {
			return Optional.of(cached.json());
		}
		CompletableFuture<Cached> next = submit(campaign, unclearAsCategory);
		try {
			if (cached == null && waitForFirst) {
				return Optional.of(next.join().json());
			}
			return Optional.of(next.get(waitMillis, TimeUnit.MILLISECONDS).json());
		}
		catch (TimeoutException ex) {
			// the last finished figures now, the new ones when they are ready
			return cached == null ? Optional.empty() : Optional.of(cached.json().asUpdating());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the agreement was computed", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * The computation of the campaign's figures: the one already running or queued, else
	 * a new one.
	 */
	private CompletableFuture<Cached> submit(Campaign campaign, boolean unclearAsCategory) {
		String key = campaign.id() + "/" + unclearAsCategory;
		return inFlight.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
			try {
				return refresh(campaign, unclearAsCategory, key);
			}
			finally {
				inFlight.remove(k);
			}
		}, computing));
	}

	/** Computes the campaign's agreement from its kept tables, and keeps the result. */
	private Cached refresh(Campaign campaign, boolean unclearAsCategory, String key) {
		computations.incrementAndGet();
		long start = System.nanoTime();
		AgreementQueries.CampaignState state = queries.state(campaign.id());
		Rubric rubric = rubrics.version(campaign.rubricVersion())
			.orElseThrow(() -> new IllegalStateException("rubric version " + campaign.rubricVersion() + " is missing"))
			.rubric();
		LabelSource source = queries.campaign(campaign.id());
		long checked = System.nanoTime();
		Kept kept = kept(campaign, rubric, state, source);
		long read = System.nanoTime();
		AgreementJson json = compute(source, kept.labels(), kept.metrics(), kept.lengths(), rubric, unclearAsCategory,
				new Header(campaign.id(), campaign.name(), null, campaign.items(), 0), key);
		long computed = System.nanoTime();
		Cached result = new Cached(kept.state().signature(), json);
		cache.put(key, result);
		if (stored != null) {
			stored.save(campaign.id(), unclearAsCategory, result.signature(), json);
		}
		long end = System.nanoTime();
		LOG.info(
				"Agreement of campaign {} computed in {} ms: store check {} ms, labels {} ms, figures {} ms, kept {} ms",
				campaign.id(), (end - start) / 1_000_000, (checked - start) / 1_000_000, (read - checked) / 1_000_000,
				(computed - read) / 1_000_000, (end - computed) / 1_000_000);
		return result;
	}

	/**
	 * After a start, reads and computes the campaigns with the most recent labels in the
	 * background, so that their first view does not pay for reading every label (on a
	 * 75,000-item campaign with 5 raters, ~13 s of SQL on H2).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!warmUp) {
			return;
		}
		// Off the main thread: the start is not held up by it.
		computing.execute(() -> {
			try {
				for (long id : queries.recentlyLabelled(CAMPAIGNS_KEPT)) {
					Campaign campaign = access.readable(id, new Reader("", true));
					// The kept figures in memory and the state check asked once, ahead of
					// a
					// first view (which would otherwise parse them and read the state's
					// index
					// cold itself), then the figures brought up to date.
					if (stored != null) {
						stored.load(id, false)
							.ifPresent(k -> cache.putIfAbsent(id + "/false", new Cached(k.signature(), k.json())));
					}
					queries.state(id);
					submit(campaign, false).exceptionally(ex -> {
						LOG.warn("Agreement of campaign {} not computed ahead: {}", id, ex.toString());
						return null;
					});
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("Agreements not computed ahead after the start: {}", ex.toString());
			}
		});
	}

	/** How many campaign figures this service has computed: for tests. */
	int computations() {
		return computations.get();
	}

	/** Whether figures of the campaign (unclear as missing) are kept: for tests. */
	boolean hasFigures(long campaignId) {
		return cache.containsKey(campaignId + "/false");
	}

	/** Waits until every computation asked for so far has finished: for tests. */
	void awaitComputations() throws Exception {
		// again while computations are queued (the warm-up queues them from the thread)
		do {
			computing.submit(() -> null).get(60, TimeUnit.SECONDS);
		}
		while (!inFlight.isEmpty());
	}

	@PreDestroy
	void stop() {
		computing.shutdownNow();
	}

	/** A campaign's labels as of {@code state}, with its items' metrics. */
	private record Kept(Labels labels, MetricColumns metrics, MessageLengths lengths,
			AgreementQueries.CampaignState state) {
	}

	/** What is kept of one campaign between views. */
	private static final class CampaignTables {

		LabelTables labels;

		AgreementQueries.CampaignState state;

		int rubricVersion;

		MetricColumns metrics;

		MessageLengths lengths;

		String imports;

	}

	/**
	 * The campaign's labels, read whole the first time and after that only those changed
	 * since (and checked against the store's count and revision sum: anything the changes
	 * missed, such as a label saved with an older time, makes it read whole again); its
	 * items' metrics, read again only after an import.
	 */
	private Kept kept(Campaign campaign, Rubric rubric, AgreementQueries.CampaignState state, LabelSource source) {
		CampaignTables t;
		synchronized (tables) {
			t = tables.computeIfAbsent(campaign.id(), id -> new CampaignTables());
		}
		synchronized (t) {
			boolean fresh = t.labels == null || t.rubricVersion != rubric.version()
					|| !java.util.Objects.equals(t.state.created(), state.created()) || t.state.lastChange() == null;
			if (!fresh && !t.state.equals(state)) {
				List<AgreementQueries.LabelRow> changed = queries.changedSince(campaign.id(), t.state.lastChange());
				fresh = !t.labels.apply(changed, queries::answersOf, queries::spansOf);
				if (!fresh && !matches(t.labels, state)) {
					// a label saved while the changes were read: compare with the store
					// now
					state = queries.state(campaign.id());
					fresh = !matches(t.labels, state);
				}
			}
			if (fresh) {
				t.labels = LabelTables.read(source, asked(rubric));
				t.rubricVersion = rubric.version();
			}
			t.state = state;
			String imports = queries.importsSignature();
			if (t.metrics == null || !imports.equals(t.imports)) {
				t.metrics = metrics(source, rubric);
				t.lengths = new MessageLengths(source::messageLengths, imports);
				t.imports = imports;
			}
			return new Kept(t.labels.snapshot(), t.metrics, t.lengths, state);
		}
	}

	private static boolean matches(LabelTables labels, AgreementQueries.CampaignState state) {
		return labels.labelCount() == state.labels() && labels.revisionSum() == state.revisions();
	}

	private static List<Rubric.Question> asked(Rubric rubric) {
		return rubric.questions().stream().filter(q -> !"text".equals(q.type()) && !q.answers().isEmpty()).toList();
	}

	/**
	 * The agreement of every submitted label, in any campaign, on the transcripts the
	 * list's filter selects (400 for a bad parameter, as the list), under the current
	 * rubric. Transcripts the reader rates blind are left out (the list leaves out those
	 * whose metrics are hidden from them; this also leaves out those whose other labels
	 * are), and counted. Where a rater labelled one transcript in several campaigns,
	 * their newest label counts.
	 */
	public AgreementJson filter(MultiValueMap<String, String> parameters, Reader reader, boolean unclearAsCategory) {
		MultiValueMap<String, String> filter = new LinkedMultiValueMap<>();
		parameters.forEach((k, v) -> {
			if (!OWN.contains(k)) {
				filter.put(k, v);
			}
		});
		List<Long> ids = list.selectedIds(filter);
		Set<Long> blinded = access.blindedFrom(reader.username());
		Set<Long> chosen = new HashSet<>(ids.size() * 2);
		int leftOut = 0;
		long hash = 1;
		for (long id : ids) {
			if (blinded.contains(id)) {
				leftOut++;
			}
			else {
				chosen.add(id);
				hash = 31 * hash + id;
			}
		}
		Rubric rubric = rubrics.current().rubric();
		String query = UriComponentsBuilder.newInstance().queryParams(filter).build().encode().getQuery();
		String key = (query == null ? "" : query) + "/" + unclearAsCategory + "/" + rubric.version() + "/"
				+ chosen.size() + "/" + hash;
		String signature = queries.signature();
		Cached cached = filterCache.get(key);
		if (cached != null && cached.signature().equals(signature)) {
			return cached.json();
		}
		AgreementJson json = compute(queries.transcripts(chosen), rubric, unclearAsCategory,
				new Header(null, describe(filter), query == null ? "" : query, chosen.size(), leftOut));
		filterCache.put(key, new Cached(signature, json));
		return json;
	}

	/** "Every transcript", or the filter's parameters in words a reader recognises. */
	static String describe(MultiValueMap<String, String> filter) {
		if (filter.isEmpty()) {
			return "Every transcript";
		}
		List<String> parts = new ArrayList<>();
		filter.forEach((k, v) -> parts.add(k + " = " + String.join(" or ", v)));
		return "Transcripts where " + String.join(", ", parts);
	}

	/**
	 * Agreement reveals how others answered: a reader who rates in a campaign that hides
	 * other labels or the metrics sees it only once the campaign is finished (every item
	 * has its labels) or nothing is left for them to label (they labelled or skipped
	 * every item still open to them).
	 */
	void checkNotBlind(Campaign campaign, Reader reader) {
		if (!campaign.hideOtherLabels() && !campaign.hideMetrics()) {
			return;
		}
		CampaignJson described = progress.describe(campaign, reader, false);
		CampaignJson.Mine mine = described.progress().mine();
		if (mine == null) {
			return;
		}
		boolean finished = described.progress().itemsDone() >= campaign.items();
		if (!finished && !"done".equals(mine.state())) {
			throw new NotARaterException("You rate blind in campaign " + campaign.id()
					+ ": its agreement (which shows how the others answered) opens once the campaign is finished or "
					+ "you have labelled or skipped every item left for you (" + mine.open() + " left).");
		}
	}

	/** One subset of the items. */
	record SliceKey(String condition, String run) {

		boolean contains(Item item) {
			return ("all".equals(condition) || condition.equals(item.split)) && (run == null || run.equals(item.run));
		}

	}

	/**
	 * A labelled item: its condition, run, and which raters (by index into the sorted
	 * raters) labelled it.
	 */
	record Item(long id, String split, String run, boolean[] labelled) {

		boolean labelledByAll() {
			for (boolean l : labelled) {
				if (!l) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Every answer of one question, compactly: {@code codes[item][rater]} indexes
	 * {@link #values} (the question's answers in rubric order, then any other answer met
	 * in the labels), -1 when the rater gave none.
	 */
	record Answers(List<String> values, int[][] codes) {

		/** The answer's index in {@code categories} for each value, -1 when not there. */
		int[] categoryOf(List<String> categories) {
			int[] of = new int[values.size()];
			for (int v = 0; v < of.length; v++) {
				of[v] = categories.indexOf(values.get(v));
			}
			return of;
		}

	}

	/**
	 * The labels read once: items, raters, and each question's answers as codes.
	 *
	 * @param olderLabels labels left out because the same rater labelled the same
	 * transcript again in another campaign (filter-wide agreement only)
	 * @param spans the evidence spans of the labels kept
	 */
	record Labels(List<Item> items, List<String> raters, Map<String, Answers> answers, int labelCount, int olderLabels,
			List<AgreementQueries.SpanRow> spans) {
	}

	/**
	 * A campaign's agreement, computed afresh from the store (no blind check, no cache).
	 */
	AgreementJson compute(Campaign campaign, Rubric rubric, boolean unclearAsCategory) {
		return compute(queries.campaign(campaign.id()), rubric, unclearAsCategory,
				new Header(campaign.id(), campaign.name(), null, campaign.items(), 0));
	}

	/**
	 * What an agreement is of.
	 *
	 * @param campaignId the campaign, or null for a filter
	 * @param filter the list's parameters as a query string, or null for a campaign
	 * @param items the campaign's items, or the transcripts the filter selects
	 * @param leftOutBlind transcripts of the filter left out because the reader rates
	 * them blind
	 */
	record Header(Long campaignId, String name, String filter, int items, int leftOutBlind) {
	}

	/** Everything, computed afresh from the source (no blind check, no cache). */
	AgreementJson compute(LabelSource source, Rubric rubric, boolean unclearAsCategory, Header header) {
		Labels labels = LabelTables.read(source, asked(rubric)).snapshot();
		return compute(source, labels, metrics(source, rubric), new MessageLengths(source::messageLengths, ""), rubric,
				unclearAsCategory, header, null);
	}

	/**
	 * Everything, from labels and metrics already read.
	 * @param scope the key under which unchanged slices are reused from the last
	 * computation ({@link SliceMemo}), or null to compute every slice
	 */
	private AgreementJson compute(LabelSource source, Labels labels, MetricColumns metrics, MessageLengths lengths,
			Rubric rubric, boolean unclearAsCategory, Header header, String scope) {
		List<Rubric.Question> asked = asked(rubric);
		List<Item> itemList = labels.items();
		TreeSet<String> runs = new TreeSet<>();
		for (Item item : itemList) {
			runs.add(item.run());
		}
		List<SliceKey> keys = new ArrayList<>();
		for (String condition : List.of("all", "train", "deploy")) {
			keys.add(new SliceKey(condition, null));
		}
		for (String run : runs) {
			for (String condition : List.of("all", "train", "deploy")) {
				keys.add(new SliceKey(condition, run));
			}
		}
		// Each slice's items (indices in item order), found once for every question.
		Map<SliceKey, int[]> slices = new LinkedHashMap<>();
		for (SliceKey key : keys) {
			slices.put(key, IntStream.range(0, itemList.size()).filter(i -> key.contains(itemList.get(i))).toArray());
		}
		List<ClassifierAgreement> classifier = new ArrayList<>();
		Map<Long, Map<String, String>> gold = new HashMap<>();
		for (AgreementQueries.GoldRow g : source.gold()) {
			gold.computeIfAbsent(g.transcriptId(), k -> new HashMap<>()).put(g.question(), g.answer());
		}
		// Span agreement beside the rest (on another core): it is the larger part of a
		// recomputation after an evidence span changed.
		CompletableFuture<List<SpanAgreement>> spans = CompletableFuture
			.supplyAsync(() -> spans(rubric, labels, lengths, scope));
		// Questions are independent: computed in parallel, kept in rubric order.
		List<QuestionAgreement> questions = asked.parallelStream()
			.map(q -> question(q, labels, slices, unclearAsCategory, scope))
			.toList();
		// Each metric's value per item, found once for every question compared with it.
		Map<String, Boolean[]> machines = new HashMap<>();
		long[] itemIds = itemList.stream().mapToLong(Item::id).toArray();
		List<Map.Entry<Rubric.Question, Map.Entry<String, List<String>>>> comparisons = new ArrayList<>();
		for (Rubric.Question q : asked) {
			for (Map.Entry<String, List<String>> m : metricOrder(q)) {
				comparisons.add(Map.entry(q, m));
				machines.computeIfAbsent(m.getKey(), name -> metrics.values(name, itemIds));
			}
		}
		classifier.addAll(comparisons.parallelStream()
			.map(c -> classifier(c.getKey(), c.getValue().getKey(), c.getValue().getValue(), labels, slices,
					machines.get(c.getValue().getKey()), gold, scope))
			.toList());
		return new AgreementJson(header.campaignId(), header.name(), header.filter(), rubric.version(),
				unclearAsCategory ? "category" : "missing", labels.raters(), header.items(), itemList.size(),
				labels.labelCount(), labels.olderLabels(), header.leftOutBlind(), UNRELIABLE_BELOW, false, questions,
				classifier, joined(spans));
	}

	/** The future's value, or the exception it ended with, as thrown. */
	private static <T> T joined(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private MetricColumns metrics(LabelSource source, Rubric rubric) {
		List<String> names = rubric.questions()
			.stream()
			.flatMap(q -> q.metricAnswers() == null ? java.util.stream.Stream.empty()
					: q.metricAnswers().keySet().stream())
			.distinct()
			.toList();
		return MetricColumns.of(source.metrics(names));
	}

	/** The question's own metric first, then any other related metric by name. */
	private static List<Map.Entry<String, List<String>>> metricOrder(Rubric.Question q) {
		if (q.metricAnswers() == null || q.metricAnswers().isEmpty()) {
			return List.of();
		}
		List<Map.Entry<String, List<String>>> entries = new ArrayList<>(q.metricAnswers().entrySet());
		entries.sort(Comparator.comparing((Map.Entry<String, List<String>> e) -> !e.getKey().equals(q.metric()))
			.thenComparing(Map.Entry::getKey));
		return entries;
	}

	// ---------------------------------------------------------------- rater agreement

	static MeasurementLevel level(Rubric.Question q) {
		return "scale".equals(q.type()) ? MeasurementLevel.ORDINAL : MeasurementLevel.NOMINAL;
	}

	static List<String> categories(Rubric.Question q, boolean unclearAsCategory) {
		return q.answers()
			.stream()
			.map(Rubric.Answer::value)
			.filter(v -> unclearAsCategory || !UNCLEAR.equals(v))
			.toList();
	}

	/** A slice's answered items, compared by content. */
	private record Ids(int[] items) {

		@Override
		public boolean equals(Object o) {
			return o instanceof Ids other && Arrays.equals(items, other.items);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(items);
		}

	}

	private QuestionAgreement question(Rubric.Question q, Labels labels, Map<SliceKey, int[]> keys,
			boolean unclearAsCategory, String scope) {
		List<String> categories = categories(q, unclearAsCategory);
		MeasurementLevel level = level(q);
		boolean weighted = level != MeasurementLevel.NOMINAL;
		Answers answers = labels.answers().get(q.key());
		int[] categoryOf = answers.categoryOf(categories);
		int raterCount = labels.raters().size();
		// The usable answer of each item and rater as a category index; -1 when missing
		// (or unclear counted as missing).
		int[][] usable = new int[answers.codes().length][];
		boolean[] anyUsable = new boolean[usable.length];
		for (int i = 0; i < usable.length; i++) {
			int[] row = new int[raterCount];
			for (int r = 0; r < raterCount; r++) {
				int code = answers.codes()[i][r];
				row[r] = code < 0 ? -1 : categoryOf[code];
				anyUsable[i] |= row[r] >= 0;
			}
			usable[i] = row;
		}
		List<Slice> slices = new ArrayList<>();
		Map<Ids, Slice> computed = new HashMap<>();
		for (Map.Entry<SliceKey, int[]> e : keys.entrySet()) {
			SliceKey key = e.getKey();
			int[] in = e.getValue();
			int[] answered = Arrays.stream(in).filter(i -> anyUsable[i]).toArray();
			boolean overall = key.run() == null;
			if (answered.length == 0 && !(overall && "all".equals(key.condition()))) {
				continue;
			}
			Ids ids = new Ids(answered);
			Slice same = computed.get(ids);
			if (same != null && (same.run() == null) == overall) {
				slices.add(new Slice(key.condition(), key.run(), in.length, same.answered(), same.raters(),
						same.pairableItems(), same.completeItems(), same.statistics(), same.pairwiseKappa(),
						same.distributions(), same.confusions()));
				continue;
			}
			Slice slice = scope == null ? slice(key, labels, in, answered, usable, categories, level, weighted, overall)
					: memo.get(scope, "rater|" + q.key() + "|" + key.condition() + "|" + key.run(),
							fingerprint(q, key, labels, in, usable, categories, level, overall),
							() -> slice(key, labels, in, answered, usable, categories, level, weighted, overall));
			computed.put(ids, slice);
			slices.add(slice);
		}
		return new QuestionAgreement(q.key(), q.title(), q.scope(), level.label(), categories, slices);
	}

	/** Everything a rater slice is computed from. */
	private static SliceMemo.Fingerprint fingerprint(Rubric.Question q, SliceKey key, Labels labels, int[] in,
			int[][] usable, List<String> categories, MeasurementLevel level, boolean details) {
		SliceMemo.Fingerprint f = new SliceMemo.Fingerprint().add(q.key()).add(level.name()).add(details);
		categories.forEach(f::add);
		f.add(-2L);
		labels.raters().forEach(f::add);
		f.add(-3L).add(key.condition()).add(key.run()).add(in.length);
		if (categories.size() >= 1 << 14) {
			throw new IllegalStateException("too many categories to fingerprint: " + categories.size());
		}
		List<Item> items = labels.items();
		int raters = labels.raters().size();
		for (int i : in) {
			Item item = items.get(i);
			f.add(item.id());
			// Each rater's answer and whether they labelled the item in 16 bits, four
			// raters to a value: a fingerprint mixes a quarter as many values.
			long word = 0;
			for (int r = 0; r < raters; r++) {
				word = word << 16 | (usable[i][r] + 1L) << 1 | (item.labelled()[r] ? 1 : 0);
				if (r % 4 == 3) {
					f.add(word);
					word = 0;
				}
			}
			if (raters % 4 != 0) {
				f.add(word);
			}
		}
		return f;
	}

	/** Everything a classifier slice is computed from. */
	private static SliceMemo.Fingerprint fingerprint(Rubric.Question q, String metric, List<String> positives,
			SliceKey key, int[] in, List<Item> items, Boolean[] machines, Reference[] humans) {
		SliceMemo.Fingerprint f = new SliceMemo.Fingerprint().add(q.key()).add(metric);
		positives.forEach(f::add);
		f.add(-2L).add(key.condition()).add(key.run()).add(in.length);
		for (int i : in) {
			Boolean machine = machines[i];
			Reference human = humans[i];
			// the item and its four facts in one value (ids are far below 2^57)
			long facts = (machine == null ? 0 : machine ? 2 : 1)
					| (human.value() == null ? 0 : human.value() ? 2 : 1) << 2 | (human.gold() ? 1 : 0) << 4
					| (human.tie() ? 1 : 0) << 5;
			f.add(items.get(i).id() << 6 | facts);
		}
		return f;
	}

	private Slice slice(SliceKey key, Labels labels, int[] in, int[] answered, int[][] usable, List<String> categories,
			MeasurementLevel level, boolean weighted, boolean details) {
		List<Item> items = labels.items();
		int raterCount = labels.raters().size();
		// The raters with at least one usable answer here, in name order.
		boolean[] present = new boolean[raterCount];
		for (int i : answered) {
			for (int r = 0; r < raterCount; r++) {
				present[r] |= usable[i][r] >= 0;
			}
		}
		int[] columns = IntStream.range(0, raterCount).filter(r -> present[r]).toArray();
		List<String> raters = Arrays.stream(columns).mapToObj(labels.raters()::get).toList();
		int[][] table = new int[answered.length][columns.length];
		for (int j = 0; j < answered.length; j++) {
			int[] row = usable[answered[j]];
			for (int c = 0; c < columns.length; c++) {
				table[j][c] = row[columns[c]];
			}
		}
		CategorySet categorySet = CategorySet.of(categories);
		// Alpha's bootstrap is most of the cost: per-run slices go without it (see
		// decision 0013).
		AgreementReport report = AgreementCalculator.computeCoded(columns.length, table, level, categorySet,
				details ? AgreementCalculator.DEFAULT_BOOTSTRAP_SAMPLES : 0, AgreementCalculator.DEFAULT_SEED);
		List<Stat> stats = new ArrayList<>();
		for (Map.Entry<Statistic, StatisticResult> e : report.statistics().entrySet()) {
			Statistic s = e.getKey();
			if (!weighted && (s == Statistic.COHEN_KAPPA_LINEAR || s == Statistic.COHEN_KAPPA_QUADRATIC)) {
				continue;
			}
			boolean complete = s == Statistic.COHEN_KAPPA || s == Statistic.COHEN_KAPPA_LINEAR
					|| s == Statistic.COHEN_KAPPA_QUADRATIC || s == Statistic.FLEISS_KAPPA;
			StatisticResult result = e.getValue();
			if (!details && result instanceof Estimate est && est.ciLow() == null
					&& s == Statistic.KRIPPENDORFF_ALPHA) {
				result = new Estimate(est.value(), null, null, null,
						"none: no bootstrap interval in per-run slices (it is computed for all items and each "
								+ "condition)");
			}
			stats.add(stat(s.key(), result, complete ? report.completeItems() : report.pairableItems()));
		}
		List<PairKappa> pairs = null;
		List<RaterDistribution> distributions = null;
		List<Confusion> confusions = null;
		if (details) {
			pairs = new ArrayList<>();
			confusions = new ArrayList<>();
			distributions = new ArrayList<>();
			for (int c = 0; c < columns.length; c++) {
				int r = columns[c];
				long[] counts = new long[categories.size()];
				long missing = 0;
				for (int i : in) {
					if (!items.get(i).labelled()[r]) {
						continue;
					}
					int a = usable[i][r];
					if (a < 0) {
						missing++;
					}
					else {
						counts[a]++;
					}
				}
				distributions.add(new RaterDistribution(raters.get(c), boxed(counts), missing));
			}
			for (int a = 0; a < columns.length; a++) {
				for (int b = a + 1; b < columns.length; b++) {
					long[][] matrix = new long[categories.size()][categories.size()];
					int both = 0;
					for (int[] row : table) {
						int x = row[a];
						int y = row[b];
						if (x >= 0 && y >= 0) {
							matrix[x][y]++;
							both++;
						}
					}
					StatisticResult kappa = both == 0 ? new Undefined("no item answered by both")
							: AgreementCalculator.cohenKappa(matrix);
					pairs.add(new PairKappa(raters.get(a), raters.get(b), both,
							stat(Statistic.COHEN_KAPPA.key(), kappa, both)));
					List<List<Long>> matrixRows = new ArrayList<>();
					for (long[] row : matrix) {
						matrixRows.add(boxed(row));
					}
					confusions.add(new Confusion(raters.get(a), raters.get(b), matrixRows));
				}
			}
		}
		return new Slice(key.condition(), key.run(), in.length, answered.length, columns.length, report.pairableItems(),
				report.completeItems(), stats, pairs, distributions, confusions);
	}

	private static List<Long> boxed(long[] values) {
		List<Long> list = new ArrayList<>(values.length);
		for (long v : values) {
			list.add(v);
		}
		return list;
	}

	/**
	 * The engine's result as a row, flagged unreliable when it rests on fewer than
	 * {@link #UNRELIABLE_BELOW} items or its interval has zero width.
	 */
	static Stat stat(String key, StatisticResult result, int items) {
		if (result instanceof Undefined u) {
			return new Stat(key, null, null, null, null, null, u.reason(), items, false, null);
		}
		Estimate e = (Estimate) result;
		String why = null;
		if (items < UNRELIABLE_BELOW) {
			why = "from " + items + (items == 1 ? " item" : " items") + " (fewer than " + UNRELIABLE_BELOW + ")";
		}
		else if (e.ciLow() != null && e.ciHigh() != null && e.ciHigh() - e.ciLow() < 1e-12) {
			why = "the interval has zero width (as when a rater uses a single category): it does not measure the "
					+ "uncertainty";
		}
		return new Stat(key, e.value(), e.standardError(), e.ciLow(), e.ciHigh(), e.ciMethod(), null, items,
				why != null, why);
	}

	// ---------------------------------------------------------------- the classifier

	/** The human reference of an item: true, false, or why there is none. */
	record Reference(Boolean value, boolean gold, boolean tie) {
	}

	/**
	 * The item's reference: its gold answer unless missing or unclear, else the majority
	 * of the raters' answers (unclear left out), a tie, or none.
	 * @param codes the raters' answers to the question as indices into {@code values}, -1
	 * when missing
	 */
	static Reference reference(int[] codes, List<String> values, List<String> positives, String gold) {
		return reference(codes, polarity(values, positives), positives, gold);
	}

	/**
	 * What each answer value says of the metric's reference: 1 positive, 0 negative, -1
	 * unclear (left out).
	 */
	static int[] polarity(List<String> values, List<String> positives) {
		int[] polarity = new int[values.size()];
		for (int v = 0; v < polarity.length; v++) {
			String a = values.get(v);
			polarity[v] = UNCLEAR.equals(a) ? -1 : positives.contains(a) ? 1 : 0;
		}
		return polarity;
	}

	/** The same, with the answer values' {@link #polarity} worked out once. */
	static Reference reference(int[] codes, int[] polarity, List<String> positives, String gold) {
		if (gold != null && !UNCLEAR.equals(gold)) {
			return new Reference(positives.contains(gold), true, false);
		}
		int yes = 0;
		int no = 0;
		for (int code : codes) {
			if (code < 0 || polarity[code] < 0) {
				continue;
			}
			if (polarity[code] == 1) {
				yes++;
			}
			else {
				no++;
			}
		}
		if (yes == 0 && no == 0) {
			return new Reference(null, false, false);
		}
		return yes == no ? new Reference(null, false, true) : new Reference(yes > no, false, false);
	}

	private ClassifierAgreement classifier(Rubric.Question q, String metric, List<String> positives, Labels labels,
			Map<SliceKey, int[]> keys, Boolean[] machine, Map<Long, Map<String, String>> gold, String scope) {
		List<Item> items = labels.items();
		Answers answers = labels.answers().get(q.key());
		int[] polarity = polarity(answers.values(), positives);
		// Each item's human reference, found once for every slice.
		Reference[] human = new Reference[items.size()];
		for (int i = 0; i < items.size(); i++) {
			Map<String, String> goldAnswers = gold.get(items.get(i).id());
			human[i] = reference(answers.codes()[i], polarity, positives,
					goldAnswers == null ? null : goldAnswers.get(q.key()));
		}
		List<ClassifierSlice> slices = new ArrayList<>();
		for (Map.Entry<SliceKey, int[]> e : keys.entrySet()) {
			SliceKey key = e.getKey();
			int[] in = e.getValue();
			if (in.length == 0 && !(key.run() == null && "all".equals(key.condition()))) {
				continue;
			}
			slices.add(scope == null ? classifierSlice(key, in, items, machine, human)
					: memo.get(scope, "classifier|" + q.key() + "|" + metric + "|" + key.condition() + "|" + key.run(),
							fingerprint(q, metric, positives, key, in, items, machine, human),
							() -> classifierSlice(key, in, items, machine, human)));
		}
		return new ClassifierAgreement(q.key(), metric, positives,
				Objects.equals(metric, q.metric()) ? q.metricNote() : null, slices);
	}

	static ClassifierSlice classifierSlice(SliceKey key, int[] in, List<Item> items, Boolean[] machines,
			Reference[] humans) {
		int ties = 0;
		int none = 0;
		int missing = 0;
		int fromGold = 0;
		long tp = 0;
		long fp = 0;
		long fn = 0;
		long tn = 0;
		List<Long> disagreeing = new ArrayList<>();
		List<int[]> table = new ArrayList<>();
		for (int i : in) {
			Boolean machine = machines[i];
			Reference human = humans[i];
			if (machine == null) {
				missing++;
				continue;
			}
			if (human.tie()) {
				ties++;
				continue;
			}
			if (human.value() == null) {
				none++;
				continue;
			}
			if (human.gold()) {
				fromGold++;
			}
			// Codes in the category set ("true", "false").
			table.add(new int[] { machine ? 0 : 1, human.value() ? 0 : 1 });
			long id = items.get(i).id();
			if (machine && human.value()) {
				tp++;
			}
			else if (machine) {
				fp++;
				if (disagreeing.size() < DISAGREEING_LISTED) {
					disagreeing.add(id);
				}
			}
			else if (human.value()) {
				fn++;
				if (disagreeing.size() < DISAGREEING_LISTED) {
					disagreeing.add(id);
				}
			}
			else {
				tn++;
			}
		}
		int compared = (int) (tp + fp + fn + tn);
		Stat kappa;
		Stat ac1;
		Stat percent;
		if (compared == 0) {
			Undefined u = new Undefined("no item has both a metric value and a human reference");
			kappa = stat(Statistic.COHEN_KAPPA.key(), u, 0);
			ac1 = stat(Statistic.GWET_AC1.key(), u, 0);
			percent = stat(Statistic.PERCENT_AGREEMENT.key(), u, 0);
		}
		else {
			AgreementCalculator.TwoRaters report = AgreementCalculator.twoRaters(table.toArray(int[][]::new),
					TRUE_FALSE);
			kappa = stat(Statistic.COHEN_KAPPA.key(), report.cohenKappa(), compared);
			ac1 = stat(Statistic.GWET_AC1.key(), report.gwetAc1(), compared);
			percent = stat(Statistic.PERCENT_AGREEMENT.key(), report.percentAgreement(), compared);
		}
		return new ClassifierSlice(key.condition(), key.run(), compared, fromGold, ties, none, missing,
				List.of(List.of(tp, fp), List.of(fn, tn)), kappa, ac1, percent,
				wilson(tp, tp + fp, "no item where the metric is true"),
				wilson(tp, tp + fn, "no item where the human reference is true"), fp + fn, disagreeing);
	}

	/** x/n with the Wilson score 95% interval. */
	static Proportion wilson(long x, long n, String whenEmpty) {
		if (n == 0) {
			return new Proportion(null, x, n, null, null, null, whenEmpty);
		}
		double z = 1.959963984540054;
		double p = (double) x / n;
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2.0 * n)) / denominator;
		double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return new Proportion(p, x, n, Math.max(0, centre - half), Math.min(1, centre + half),
				"Wilson score interval, 95%", null);
	}

	// ---------------------------------------------------------------- evidence spans

	/**
	 * Unitizing alpha per evidence criterion. A criterion's figure is reused while its
	 * spans, the complete items and their messages are unchanged ({@link SliceMemo}).
	 */
	private List<SpanAgreement> spans(Rubric rubric, Labels labels, MessageLengths lengths, String scope) {
		List<Rubric.Question> criteria = rubric.questions().stream().filter(Rubric.Question::evidence).toList();
		if (criteria.isEmpty()) {
			return List.of();
		}
		List<String> raters = labels.raters();
		long[] complete = labels.items().stream().filter(Item::labelledByAll).mapToLong(Item::id).toArray();
		// the continuum is laid out only when there is a span to place
		boolean anySpan = !labels.spans().isEmpty();
		Continuum[] continuum = new Continuum[1];
		Supplier<Continuum> layout = () -> {
			if (continuum[0] == null) {
				continuum[0] = anySpan ? lengths.layout(complete, () -> Continuum.of(complete, lengths))
						: Continuum.EMPTY;
			}
			return continuum[0];
		};
		Map<String, List<AgreementQueries.SpanRow>> byCriterion = new HashMap<>();
		for (AgreementQueries.SpanRow s : labels.spans()) {
			if (Arrays.binarySearch(complete, s.transcriptId()) >= 0) {
				byCriterion.computeIfAbsent(s.question(), k -> new ArrayList<>()).add(s);
			}
		}
		List<SpanAgreement> result = new ArrayList<>();
		for (Rubric.Question q : criteria) {
			List<AgreementQueries.SpanRow> mine = byCriterion.getOrDefault(q.key(), List.of());
			Supplier<SpanAgreement> compute = () -> spanAgreement(q, raters, complete.length, mine, layout.get());
			if (scope == null) {
				result.add(compute.get());
				continue;
			}
			SliceMemo.Fingerprint f = new SliceMemo.Fingerprint().add(q.key()).add(lengths.version()).add(anySpan);
			raters.forEach(f::add);
			f.add(-2L);
			for (long id : complete) {
				f.add(id);
			}
			f.add(-3L);
			for (AgreementQueries.SpanRow s : mine) {
				f.add(s.transcriptId())
					.add((long) raters.indexOf(s.annotator()) << 32 | s.messageOrdinal() & 0xFFFFFFFFL)
					.add((long) s.start() << 32 | s.end() & 0xFFFFFFFFL);
			}
			result.add(memo.get(scope, "spans|" + q.key(), f, compute));
		}
		return result;
	}

	/**
	 * Every message of the complete items laid end to end: each transcript's start, its
	 * messages, and the total length.
	 */
	record Continuum(Map<Long, Long> start, Map<Long, int[]> messages, long length) {

		static final Continuum EMPTY = new Continuum(Map.of(), Map.of(), 0);

		static Continuum of(long[] transcripts, MessageLengths lengths) {
			Map<Long, int[]> messages = lengths.of(transcripts);
			Map<Long, Long> start = new HashMap<>(transcripts.length * 2);
			long at = 0;
			for (long id : transcripts) {
				start.put(id, at);
				at += MessageLengths.total(messages.get(id));
			}
			return new Continuum(start, messages, at);
		}

	}

	private static SpanAgreement spanAgreement(Rubric.Question q, List<String> raters, int complete,
			List<AgreementQueries.SpanRow> mine, Continuum continuum) {
		String method = "Krippendorff's unitizing alpha (DKPro Statistics), over the items labelled by all "
				+ raters.size() + " raters, every message of them laid end to end as one continuum; a rater's "
				+ "overlapping spans are merged";
		String undefined = null;
		Double alpha = null;
		if (raters.size() < 2) {
			undefined = "needs at least 2 raters; there " + (raters.size() == 1 ? "is 1" : "are " + raters.size());
		}
		else if (complete == 0) {
			undefined = "no item was labelled by all " + raters.size() + " raters";
		}
		else if (mine.isEmpty()) {
			undefined = "no rater marked evidence for this criterion on these items";
		}
		else if (continuum.length() == 0) {
			undefined = "the items' messages are empty";
		}
		else {
			UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters.size(), 0, continuum.length());
			Map<String, List<AgreementQueries.SpanRow>> byRater = new HashMap<>();
			for (AgreementQueries.SpanRow s : mine) {
				byRater.computeIfAbsent(s.annotator(), k -> new ArrayList<>()).add(s);
			}
			for (int r = 0; r < raters.size(); r++) {
				for (long[] unit : merged(byRater.getOrDefault(raters.get(r), List.of()), continuum)) {
					study.addUnit(unit[0], unit[1] - unit[0], r, "evidence");
				}
			}
			double value = new UnitizingAlpha(study).calculateAgreement();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				undefined = "alpha is 0/0 on these spans (no expected disagreement)";
			}
			else {
				alpha = value;
			}
		}
		return new SpanAgreement(q.key(), complete, raters.size(), mine.size(), continuum.length(), alpha, undefined,
				method);
	}

	/** One rater's spans as [start, end) on the continuum, clipped and merged. */
	private static List<long[]> merged(List<AgreementQueries.SpanRow> spans, Continuum continuum) {
		List<long[]> units = new ArrayList<>();
		for (AgreementQueries.SpanRow s : spans) {
			int[] messages = continuum.messages().get(s.transcriptId());
			long[] place = messages == null ? null : MessageLengths.place(messages, s.messageOrdinal());
			if (place == null) {
				continue;
			}
			long offset = continuum.start().get(s.transcriptId()) + place[0];
			long length = place[1];
			long start = Math.max(0, Math.min(s.start(), length));
			long end = Math.max(start, Math.min(s.end(), length));
			if (end > start) {
				units.add(new long[] { offset + start, offset + end });
			}
		}
		units.sort(Comparator.comparingLong(u -> u[0]));
		List<long[]> merged = new ArrayList<>();
		for (long[] u : units) {
			long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && u[0] <= last[1]) {
				last[1] = Math.max(last[1], u[1]);
			}
			else {
				merged.add(new long[] { u[0], u[1] });
			}
		}
		return merged;
	}

}
