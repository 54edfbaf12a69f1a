package org.scratchpadlens.export;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignQueries;
import org.scratchpadlens.annotation.campaign.ConflictException;
import org.scratchpadlens.annotation.campaign.LabelService;
import org.scratchpadlens.annotation.campaign.LabelService.ImportOutcome;
import org.scratchpadlens.annotation.campaign.Span;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the long export back (after editing it in a spreadsheet): the rows of one
 * annotator on one item of one campaign are that annotator's label, and go through
 * {@link LabelService#importLabel} (the same checks as a submit or edit by the annotator;
 * a changed label gets a new revision; an unchanged one is left alone).
 * <p>
 * All or nothing: every row is checked, and unless every one is right nothing is stored
 * and each problem is reported with its line. A file is one piece of work, exported and
 * edited together; storing half of it would leave labels that mix old and new answers,
 * and the fixed file, imported again, changes only what still differs.
 */
@Service
class LabelImport {

	static final List<String> REQUIRED = List.of("source", "record", "campaign_id", "transcript_id", "annotator",
			"question", "answer", "note", "span_message", "span_start", "span_end", "span_text");

	/**
	 * Problems reported before stopping (a wrong file would otherwise list every row).
	 */
	static final int MAX_PROBLEMS = 200;

	private final LabelService labels;

	private final CampaignQueries campaigns;

	private final AccountService accounts;

	private final TransactionTemplate tx;

	LabelImport(LabelService labels, CampaignQueries campaigns, AccountService accounts,
			PlatformTransactionManager transactions) {
		this.labels = labels;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.tx = new TransactionTemplate(transactions);
	}

	/** A problem with one line of the file (1 is the header). */
	record Problem(long line, String problem) {
	}

	/**
	 * @param rows data rows read
	 * @param labels labels the file holds (annotator × item × campaign)
	 * @param imported whether the labels were stored (false when any row has a problem)
	 * @param goldRows rows of gold answers, which the import leaves alone (adjudication
	 * decides them)
	 */
	record Report(long rows, int labels, int created, int revised, int unchanged, long goldRows, boolean imported,
			List<Problem> problems) {
	}

	/** One annotator's label on one item, from its rows. */
	private static final class Group {

		final long campaignId;

		final long transcriptId;

		final String annotator;

		final long firstLine;

		final Map<String, String> answers = new LinkedHashMap<>();

		final List<Span> spans = new ArrayList<>();

		String note;

		long noteLine;

		Integer seconds;

		Group(long campaignId, long transcriptId, String annotator, long firstLine) {
			this.campaignId = campaignId;
			this.transcriptId = transcriptId;
			this.annotator = annotator;
			this.firstLine = firstLine;
		}

	}

	private record Key(long campaignId, long transcriptId, String annotator) {
	}

	/**
	 * @param onlyCampaign when the import is for one campaign (its page), rows of another
	 * are problems; null for any
	 */
	Report importCsv(Reader input, Long onlyCampaign) throws IOException {
		List<Problem> problems = new ArrayList<>();
		Map<Key, Group> groups = new LinkedHashMap<>();
		long rows = 0;
		long gold = 0;
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setAllowMissingColumnNames(true)
			.get();
		LineCountingReader lines = new LineCountingReader(input);
		try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
			Map<String, Integer> columns = new HashMap<>();
			parser.getHeaderMap().forEach((name, index) -> {
				// Excel's "CSV UTF-8" starts with a byte order mark
				String key = name == null ? "" : name.replace("\uFEFF", "").strip();
				columns.putIfAbsent(key, index);
			});
			List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
			if (missing.isEmpty() && columns.isEmpty()) {
				missing = REQUIRED;
			}
			if (!missing.isEmpty()) {
				problems.add(new Problem(1,
						"The header lacks the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
								+ " (export the labels with /export/labels.csv, edit, and " + "import that file)."));
				return new Report(0, 0, 0, 0, 0, 0, false, problems);
			}
			for (CSVRecord record : parser) {
				long line = lines.lineAt(record.getCharacterPosition());
				rows++;
				if (problems.size() >= MAX_PROBLEMS) {
					continue;
				}
				Cells cells = new Cells(record, columns);
				try {
					String source = cells.text("source");
					if ("gold".equals(source)) {
						gold++;
						continue;
					}
					if (!"rater".equals(source)) {
						throw new RowException("source must be rater or gold, not '" + shorten(source) + "'.");
					}
					long campaignId = cells.number("campaign_id");
					long transcriptId = cells.number("transcript_id");
					String annotator = cells.text("annotator");
					if (annotator == null) {
						throw new RowException("annotator is empty: say whose label the row belongs to.");
					}
					if (onlyCampaign != null && campaignId != onlyCampaign) {
						throw new RowException("the row is of campaign " + campaignId + "; this page imports labels of "
								+ "campaign " + onlyCampaign + " only.");
					}
					Group group = groups.computeIfAbsent(new Key(campaignId, transcriptId, annotator),
							k -> new Group(campaignId, transcriptId, annotator, line));
					add(group, cells, line);
				}
				catch (RowException ex) {
					problems.add(new Problem(line, ex.getMessage()));
				}
			}
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return unreadable(rows, gold, problems, NOT_UTF8);
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			boolean coding = ex.getCause() instanceof java.nio.charset.CharacterCodingException;
			return unreadable(rows, gold, problems,
					coding ? NOT_UTF8 : "The file cannot be read as CSV after line " + rows + " (a quote left open?).");
		}
		int[] outcomes = new int[ImportOutcome.values().length];
		checkReferences(groups.values(), problems);
		if (problems.isEmpty()) {
			tx.executeWithoutResult(status -> {
				for (Group g : groups.values()) {
					try {
						ImportOutcome outcome = labels.importLabel(g.campaignId, g.transcriptId, g.annotator, g.answers,
								g.spans, g.seconds);
						outcomes[outcome.ordinal()]++;
					}
					catch (BadRequestException | NotFoundException | ConflictException | AccessDeniedException ex) {
						problems.add(new Problem(g.firstLine, "The label of " + g.annotator + " on transcript "
								+ g.transcriptId + " in campaign " + g.campaignId + ": " + ex.getMessage()));
					}
				}
				if (!problems.isEmpty()) {
					status.setRollbackOnly();
				}
			});
		}
		boolean imported = problems.isEmpty();
		if (!imported) {
			java.util.Arrays.fill(outcomes, 0);
		}
		problems.sort((a, b) -> Long.compare(a.line(), b.line()));
		return new Report(rows, groups.size(), outcomes[ImportOutcome.CREATED.ordinal()],
				outcomes[ImportOutcome.REVISED.ordinal()], outcomes[ImportOutcome.UNCHANGED.ordinal()], gold, imported,
				problems);
	}

	static final String NOT_UTF8 = "The file is not UTF-8 text: save it as UTF-8 (in Excel: 'CSV UTF-8').";

	private static Report unreadable(long rows, long gold, List<Problem> problems, String why) {
		problems.add(new Problem(rows + 1, why));
		return new Report(rows, 0, 0, 0, 0, gold, false, problems);
	}

	/** Unknown campaigns, items and raters, said once per label. */
	private void checkReferences(Iterable<Group> groups, List<Problem> problems) {
		Map<Long, Optional<Campaign>> found = new HashMap<>();
		Map<String, Boolean> known = new HashMap<>();
		for (Group g : groups) {
			Optional<Campaign> campaign = found.computeIfAbsent(g.campaignId, campaigns::find);
			if (campaign.isEmpty()) {
				problems.add(new Problem(g.firstLine, "There is no campaign " + g.campaignId + "."));
			}
			else if (!campaigns.hasItem(g.campaignId, g.transcriptId)) {
				problems.add(new Problem(g.firstLine, "Transcript " + g.transcriptId + " is not an item of campaign "
						+ g.campaignId + " (or there is no such transcript)."));
			}
			else if (!known.computeIfAbsent(g.annotator, accounts::exists)) {
				problems.add(new Problem(g.firstLine, "There is no account '" + shorten(g.annotator)
						+ "' (an export with pseudonyms cannot be imported: it names no one)."));
			}
			else if (!campaigns.isRater(g.campaignId, g.annotator)) {
				problems.add(new Problem(g.firstLine,
						"'" + shorten(g.annotator) + "' is not a rater of campaign " + g.campaignId + "."));
			}
		}
	}

	private static void add(Group group, Cells cells, long line) {
		String note = cells.value("note");
		if (group.noteLine == 0) {
			group.note = note;
			group.noteLine = line;
			if (note != null) {
				group.answers.put(Exports.NOTE, note);
			}
		}
		else if (!Objects.equals(group.note, note)) {
			throw new RowException("the note differs from the one on line " + group.noteLine
					+ " of the same label; a label has one note: make its rows agree.");
		}
		Long seconds = cells.optionalNumber("seconds_spent");
		if (seconds != null) {
			if (seconds < 0 || seconds > Integer.MAX_VALUE) {
				throw new RowException("seconds_spent must be a whole number of seconds, not " + seconds + ".");
			}
			group.seconds = seconds.intValue();
		}
		String record = cells.text("record");
		String question = cells.text("question");
		if ("answer".equals(record)) {
			String answer = cells.value("answer");
			if (question == null) {
				if (answer != null) {
					throw new RowException("the answer '" + shorten(answer) + "' has no question.");
				}
				return; // a label with no answer but its note
			}
			if (answer == null) {
				return; // emptied in the spreadsheet: left unanswered
			}
			String before = group.answers.get(question);
			if (before != null && !before.equals(answer) && !question.equals(Exports.NOTE)) {
				throw new RowException("a second answer to '" + shorten(question) + "' in the same label ('"
						+ shorten(before) + "' and '" + shorten(answer) + "').");
			}
			group.answers.put(question, answer);
		}
		else if ("span".equals(record)) {
			if (question == null) {
				throw new RowException("an evidence span needs its question.");
			}
			long message = cells.number("span_message");
			long start = cells.number("span_start");
			long end = cells.number("span_end");
			String text = cells.raw("span_text");
			if (message > Integer.MAX_VALUE || start > Integer.MAX_VALUE || end > Integer.MAX_VALUE) {
				throw new RowException("span_message, span_start and span_end are too large.");
			}
			group.spans.add(new Span(question, (int) message, (int) start, (int) end, text == null ? "" : text));
		}
		else {
			throw new RowException("record must be answer or span, not '" + shorten(record) + "'.");
		}
	}

	static String shorten(String s) {
		if (s == null) {
			return "";
		}
		return s.length() > 60 ? s.substring(0, 60) + "..." : s;
	}

	/**
	 * Remembers where each line ends, so that a record's first character (which the
	 * parser gives) can be told as a line of the file, also after cells that hold line
	 * breaks.
	 */
	static final class LineCountingReader extends java.io.FilterReader {

		private long position;

		private long[] newlines = new long[1024];

		private int count;

		LineCountingReader(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				seen((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				seen(buffer[offset + i]);
			}
			return n;
		}

		private void seen(char c) {
			if (c == '\n') {
				if (count == newlines.length) {
					newlines = java.util.Arrays.copyOf(newlines, count * 2);
				}
				newlines[count++] = position;
			}
			position++;
		}

		/** The line (1-based) of the character at this position. */
		long lineAt(long characterPosition) {
			int i = java.util.Arrays.binarySearch(newlines, 0, count, characterPosition);
			return 1 + (i >= 0 ? i : -i - 1);
		}

	}

	/** A problem with the current row. */
	private static final class RowException extends RuntimeException {

		RowException(String message) {
			super(message, null, false, false);
		}

	}

	/** The cells of one row by column name, neutralisation undone. */
	private record Cells(CSVRecord record, Map<String, Integer> columns) {

		/** The text, or null when empty. */
		String text(String column) {
			String v = raw(column);
			return v == null || v.isBlank() ? null : v.strip();
		}

		/**
		 * The text as it is (answers and notes keep their spaces), or null when blank.
		 */
		String value(String column) {
			String v = raw(column);
			return v == null || v.isBlank() ? null : v;
		}

		/** The text as it is (the quoted text of a span keeps its spaces), or null. */
		String raw(String column) {
			Integer i = columns.get(column);
			if (i == null || i >= record.size()) {
				return null;
			}
			String v = CsvCells.restore(record.get(i));
			return v == null || v.isEmpty() ? null : v;
		}

		long number(String column) {
			Long n = optionalNumber(column);
			if (n == null) {
				throw new RowException(column + " is empty; a whole number is expected.");
			}
			return n;
		}

		Long optionalNumber(String column) {
			String v = text(column);
			if (v == null) {
				return null;
			}
			try {
				return Long.parseLong(v);
			}
			catch (NumberFormatException ex) {
				throw new RowException(column + ": '" + shorten(v) + "' is not a whole number.");
			}
		}

	}

}
