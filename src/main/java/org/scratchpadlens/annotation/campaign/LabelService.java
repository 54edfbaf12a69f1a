package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scratchpadlens.annotation.RubricRules;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting, editing and drafting labels. A submit locks the item (as {@code next}
 * does), refuses a second label by the same rater and a label beyond k, and stores the
 * label, its answers, spans and first revision; an edit is accepted only against the
 * current revision (optimistic locking) and adds a revision, never overwriting one.
 */
@Service
public class LabelService {

	static final int MAX_SPANS = 200;

	private final LabelQueries labels;

	private final CampaignAccess access;

	private final CampaignQueue queue;

	private final ItemLock lock;

	private final RubricRules rubric;

	private final TransactionTemplate tx;

	LabelService(LabelQueries labels, CampaignAccess access, CampaignQueue queue, ItemLock lock, RubricRules rubric,
			PlatformTransactionManager transactions) {
		this.labels = labels;
		this.access = access;
		this.queue = queue;
		this.lock = lock;
		this.rubric = rubric;
		this.tx = new TransactionTemplate(transactions);
	}

	public Label submit(long transcriptId, LabelRequest request, String user) {
		if (request.campaignId() == null) {
			throw new BadRequestException("campaignId: say which campaign this label belongs to.");
		}
		long campaignId = request.campaignId();
		Campaign campaign = access.raterItem(campaignId, transcriptId, user);
		Map<String, String> answers = answers(request);
		List<Span> spans = spans(transcriptId, campaign.rubricVersion(), request.spans());
		problems(campaign, transcriptId, answers, true);
		derive(campaign, transcriptId, answers);
		int seconds = seconds(request.secondsSpent());
		long id;
		try {
			id = Retry.onLockFailure(() -> tx.execute(status -> {
				Optional<Integer> count = lock.lock(campaignId, transcriptId);
				Optional<Label> mine = labels.mine(campaignId, transcriptId, user);
				if (mine.isPresent()) {
					throw new ConflictException("You have already labelled this transcript in this campaign (label "
							+ mine.get().id() + "): edit it with PUT /api/labels/" + mine.get().id() + ".");
				}
				if (count.orElse(0) >= campaign.ratersPerItem()) {
					throw new ConflictException("This transcript already has its " + campaign.ratersPerItem()
							+ " labels in this campaign (your reservation had expired and others finished it); "
							+ "ask for the next item.");
				}
				Instant now = Instant.now();
				long labelId = labels.insert(campaignId, transcriptId, user, campaign.rubricVersion(), seconds, now);
				labels.save(labelId, 1, answers, spans, seconds, now);
				lock.countLabel(campaignId, transcriptId, campaign.ratersPerItem());
				queue.release(campaignId, transcriptId, user);
				labels.deleteDraft(campaignId, transcriptId, user);
				return labelId;
			}));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("You have already labelled this transcript in this campaign.");
		}
		return labels.find(id).orElseThrow();
	}

	public Label edit(long labelId, LabelRequest request, Reader reader) {
		Label label = readable(labelId, reader);
		if (!label.annotator().equals(reader.username())) {
			throw new NotARaterException("Only its author edits a label.");
		}
		if (request.revision() == null) {
			throw new BadRequestException("revision: send the revision you read (the label's \"revision\"), so that "
					+ "an edit made elsewhere since is not overwritten.");
		}
		Campaign campaign = access.raterCampaign(label.campaignId(), reader.username());
		Map<String, String> answers = answers(request);
		List<Span> spans = spans(label.transcriptId(), label.rubricVersion(), request.spans());
		problems(campaign, label.transcriptId(), answers, true);
		derive(campaign, label.transcriptId(), answers);
		int seconds = seconds(request.secondsSpent());
		tx.executeWithoutResult(status -> {
			Instant now = Instant.now();
			if (!labels.bump(labelId, request.revision(), seconds, now)) {
				throw new ConflictException("This label was edited elsewhere since you opened it (you sent revision "
						+ request.revision() + "): reload to see it.");
			}
			labels.save(labelId, request.revision() + 1, answers, spans, seconds, now);
		});
		return labels.find(labelId).orElseThrow();
	}

	/** What importing one label from a file did. */
	public enum ImportOutcome {

		/** The annotator had no label on the item: a new one (revision 1). */
		CREATED,
		/** The answers or spans differed from the current label: one more revision. */
		REVISED,
		/** The current label already says exactly this: nothing was written. */
		UNCHANGED

	}

	/**
	 * Imports one label on behalf of {@code annotator} (who must rate in the campaign),
	 * checked as a submit or an edit by that annotator would be. A label that already
	 * holds these answers and spans is left alone, so importing a file twice adds
	 * nothing; a different one gets a new revision (none is overwritten), adding no
	 * seconds.
	 */
	public ImportOutcome importLabel(long campaignId, long transcriptId, String annotator, Map<String, String> given,
			List<Span> givenSpans, Integer secondsSpent) {
		Campaign campaign = access.raterItem(campaignId, transcriptId, annotator);
		Optional<Label> mine = labels.mine(campaignId, transcriptId, annotator);
		LabelRequest request = new LabelRequest(campaignId, null, given, givenSpans, secondsSpent);
		if (mine.isEmpty()) {
			submit(transcriptId, request, annotator);
			return ImportOutcome.CREATED;
		}
		Label label = mine.get();
		Map<String, String> answers = answers(request);
		derive(campaign, transcriptId, answers);
		List<Span> spans = spans(transcriptId, label.rubricVersion(), givenSpans);
		if (label.answers().equals(answers) && label.spans().size() == spans.size()
				&& new java.util.HashSet<>(label.spans()).equals(new java.util.HashSet<>(spans))) {
			return ImportOutcome.UNCHANGED;
		}
		problems(campaign, transcriptId, answers, true);
		derive(campaign, transcriptId, answers);
		tx.executeWithoutResult(status -> {
			Instant now = Instant.now();
			if (!labels.bump(label.id(), label.revision(), 0, now)) {
				throw new ConflictException("The label was edited while the file was imported; import it again.");
			}
			labels.save(label.id(), label.revision() + 1, answers, spans, 0, now);
		});
		return ImportOutcome.REVISED;
	}

	/**
	 * The label, if this reader may see it (else "not found": its existence is not told).
	 */
	public Label readable(long labelId, Reader reader) {
		return labels.find(labelId)
			.filter(l -> access.visible(l, reader))
			.orElseThrow(() -> new NotFoundException("There is no label " + labelId + " you may see."));
	}

	public List<Revision> history(long labelId, Reader reader) {
		readable(labelId, reader);
		return labels.history(labelId);
	}

	public Optional<Draft> draft(long campaignId, long transcriptId, String user) {
		access.raterItem(campaignId, transcriptId, user);
		return labels.draft(campaignId, transcriptId, user);
	}

	/** Saves the rater's draft and renews their reservation of the item. */
	public void saveDraft(long campaignId, long transcriptId, LabelRequest request, String user) {
		Campaign campaign = access.raterItem(campaignId, transcriptId, user);
		Map<String, String> answers = answers(request);
		List<Span> spans = spans(transcriptId, campaign.rubricVersion(), request.spans());
		problems(campaign, transcriptId, answers, false);
		int seconds = seconds(request.secondsSpent());
		Retry.onLockFailure(() -> tx.execute(status -> {
			lock.lock(campaignId, transcriptId);
			Instant now = Instant.now();
			labels.saveDraft(campaignId, transcriptId, user, answers, spans, seconds, now);
			if (labels.mine(campaignId, transcriptId, user).isEmpty()) {
				queue.renew(campaign, transcriptId, user, now);
			}
			return null;
		}));
	}

	private void problems(Campaign campaign, long transcriptId, Map<String, String> answers, boolean isFinal) {
		String scope = campaign.maskCondition() ? "masked" : access.split(transcriptId);
		List<String> problems = rubric.problems(campaign.rubricVersion(), scope, answers, isFinal);
		if (!problems.isEmpty()) {
			throw new BadRequestException(String.join(" ", problems));
		}
	}

	/** The verdicts the rater left to the rubric, derived and added to the answers. */
	private void derive(Campaign campaign, long transcriptId, Map<String, String> answers) {
		String scope = campaign.maskCondition() ? "masked" : access.split(transcriptId);
		rubric.addDerived(campaign.rubricVersion(), scope, answers);
	}

	private static Map<String, String> answers(LabelRequest request) {
		Map<String, String> answers = new LinkedHashMap<>();
		if (request.answers() != null) {
			request.answers().forEach((k, v) -> {
				if (k == null || k.isBlank() || k.length() > 100) {
					throw new BadRequestException("answers: a question key must be 1 to 100 characters.");
				}
				if (v != null && v.length() > 10_000) {
					throw new BadRequestException("answers." + k + " is longer than 10,000 characters.");
				}
				if (v != null && !v.isBlank()) {
					answers.put(k, v);
				}
			});
		}
		return answers;
	}

	private static int seconds(Integer seconds) {
		if (seconds == null) {
			return 0;
		}
		if (seconds < 0 || seconds > 7 * 24 * 3600) {
			throw new BadRequestException("secondsSpent must be between 0 and 604800, not " + seconds + ".");
		}
		return seconds;
	}

	/**
	 * Each span must name a question that takes evidence and quote exactly the message's
	 * content between its offsets.
	 */
	private List<Span> spans(long transcriptId, int version, List<Span> given) {
		if (given == null) {
			return List.of();
		}
		if (given.size() > MAX_SPANS) {
			throw new BadRequestException("spans: at most " + MAX_SPANS + " spans per label.");
		}
		List<Span> spans = new ArrayList<>();
		Map<Integer, Optional<String>> contents = new LinkedHashMap<>();
		for (int i = 0; i < given.size(); i++) {
			Span s = given.get(i);
			String at = "spans[" + i + "]";
			if (s == null || s.question() == null || s.question().isBlank() || s.messageOrdinal() == null
					|| s.start() == null || s.end() == null || s.text() == null) {
				throw new BadRequestException(
						at + " needs question, messageOrdinal, start, end and text (the quoted text).");
			}
			if (!rubric.takesEvidence(version, s.question())) {
				throw new BadRequestException(at + ": question '" + s.question()
						+ "' takes no evidence spans in rubric version " + version + ".");
			}
			Optional<String> content = contents.computeIfAbsent(s.messageOrdinal(),
					o -> labels.messageContent(transcriptId, o));
			if (content.isEmpty()) {
				throw new BadRequestException(
						at + ": transcript " + transcriptId + " has no message " + s.messageOrdinal() + ".");
			}
			String text = content.get();
			if (s.start() < 0 || s.end() <= s.start() || s.end() > text.length()) {
				throw new BadRequestException(at + ": start and end must satisfy 0 <= start < end <= " + text.length()
						+ " (the message's length), not " + s.start() + " and " + s.end() + ".");
			}
			if (!text.substring(s.start(), s.end()).equals(s.text())) {
				throw new BadRequestException(at + ": text is not the message's content between " + s.start() + " and "
						+ s.end() + " (offsets count characters of message.content, as the sections do).");
			}
			spans.add(new Span(s.question().strip(), s.messageOrdinal(), s.start(), s.end(), s.text()));
		}
		return spans;
	}

}
