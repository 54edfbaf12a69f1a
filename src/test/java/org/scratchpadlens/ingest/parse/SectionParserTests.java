package org.scratchpadlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SectionParserTests {

	/**
	 * One line per section, "KIND depth closed |body|", so a whole parse reads as a small
	 * table in a test.
	 */
	static List<String> render(String text) {
		List<String> out = new ArrayList<>();
		for (Section s : SectionParser.parse(text)) {
			out.add(s.kind().label() + " " + s.depth() + " " + (s.closed() ? "closed" : "open") + " |"
					+ text.substring(s.start(), s.end()) + "|");
		}
		return out;
	}

	static List<SectionKind> kinds(String text) {
		return SectionParser.parse(text).stream().map(Section::kind).toList();
	}

	static final String USER_TURN = """
			<INPUT>
			<is_free_tier_user>True</is_free_tier_user>

			<user_input>
			Write a poem about cats.
			</user_input>
			</INPUT>""";

	@Nested
	class UserTurn {

		@Test
		void standardTurnGivesInputWithTierAndQueryOneLevelDown() {
			assertThat(render(USER_TURN)).containsExactly(
					"INPUT 0 closed |\n<is_free_tier_user>True</is_free_tier_user>\n\n<user_input>\nWrite a poem about cats.\n</user_input>\n|",
					"is_free_tier_user 1 closed |True|", "user_input 1 closed |\nWrite a poem about cats.\n|");
		}

		@Test
		void ordinalsFollowDocumentOrder() {
			assertThat(SectionParser.parse(USER_TURN)).extracting(Section::ordinal).containsExactly(0, 1, 2);
		}

		// The user may write anything, tags included: inside user_input only its own
		// closing tag is structure.
		@ParameterizedTest
		@ValueSource(strings = { "<OUTPUT>", "</OUTPUT>", "<OUTPUT>x</OUTPUT>", "<SCRATCHPAD_REASONING>", "<NEXT/>",
				"<DRAFT_OUTPUT>d</DRAFT_OUTPUT>", "<user_input>", "<is_free_tier_user>False</is_free_tier_user>",
				"</INPUT>", "<INPUT>", "Answer in <INPUT> tags", "<INPUT>\nnested\n</INPUT>" })
		void tagsTheUserWritesStayText(String userText) {
			String text = "<INPUT>\n<is_free_tier_user>True</is_free_tier_user>\n\n<user_input>\nPlease " + userText
					+ " thanks\n</user_input>\n</INPUT>";
			assertThat(render(text)).hasSize(3)
				.element(2)
				.isEqualTo("user_input 1 closed |\nPlease " + userText + " thanks\n|");
		}

		// Some prompt variations add markers such as <is_employee>; they are kept as text
		// inside INPUT.
		@Test
		void keepsUnknownTagsAsTextInsideTheirSection() {
			String text = "<INPUT>\n<is_employee>False</is_employee>\n<is_free_tier_user>False</is_free_tier_user>\n"
					+ "<user_input>hi</user_input>\n</INPUT>";
			assertThat(render(text)).containsExactly("INPUT 0 closed |" + text.substring(7, text.length() - 8) + "|",
					"is_free_tier_user 1 closed |False|", "user_input 1 closed |hi|");
		}

		@Test
		void nextIsItsOwnEmptySection() {
			assertThat(render("<NEXT/>")).containsExactly("NEXT 0 closed ||");
		}

	}

	@Nested
	class AssistantTurn {

		@Test
		void oneScratchpadThenOutput() {
			String text = "<SCRATCHPAD_REASONING>I should help.</SCRATCHPAD_REASONING>\n\n<OUTPUT>Here.</OUTPUT>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |I should help.|",
					"OUTPUT 0 closed |Here.|");
		}

		@Test
		void severalScratchpadsWithDraftInsideAndOutputAtTopLevel() {
			String text = """
					<SCRATCHPAD_REASONING>first</SCRATCHPAD_REASONING>

					<SCRATCHPAD_REASONING>second
					<DRAFT_OUTPUT>
					draft
					</DRAFT_OUTPUT>
					ok</SCRATCHPAD_REASONING>
					<SCRATCHPAD_REASONING>third</SCRATCHPAD_REASONING>
					<OUTPUT>
					final
					</OUTPUT>""";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |first|",
					"SCRATCHPAD_REASONING 0 closed |second\n<DRAFT_OUTPUT>\ndraft\n</DRAFT_OUTPUT>\nok|",
					"DRAFT_OUTPUT 1 closed |\ndraft\n|", "SCRATCHPAD_REASONING 0 closed |third|",
					"OUTPUT 0 closed |\nfinal\n|");
		}

		// Outside a scratchpad DRAFT_OUTPUT is not structure: the prompt only defines it
		// inside one.
		@Test
		void draftOutputAtTopLevelIsText() {
			assertThat(render("<DRAFT_OUTPUT>x</DRAFT_OUTPUT>"))
				.containsExactly("TEXT 0 closed |<DRAFT_OUTPUT>x</DRAFT_OUTPUT>|");
		}

		@Test
		void textOutsideTagsBecomesTextOnlyWhenNotBlank() {
			String text = "  \n<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>\n \t\nBetween.\n<OUTPUT>o</OUTPUT>\n\nAfter";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |r|",
					"TEXT 0 closed |\n \t\nBetween.\n|", "OUTPUT 0 closed |o|", "TEXT 0 closed |\n\nAfter|");
		}

		// The release has scratchpads that begin with a stray space, before the tag and
		// inside it.
		@Test
		void strayLeadingSpacesAreNeitherTextNorLost() {
			String text = " <SCRATCHPAD_REASONING> I need to think.</SCRATCHPAD_REASONING> <OUTPUT> Yes.</OUTPUT>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed | I need to think.|",
					"OUTPUT 0 closed | Yes.|");
		}

		@Test
		void cutOffScratchpadStaysOpenAndRunsToTheEnd() {
			String text = "<SCRATCHPAD_REASONING>I am thinking and then the";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 open |I am thinking and then the|");
		}

		@Test
		void cutOffDraftInsideCutOffScratchpadBothOpen() {
			String text = "<SCRATCHPAD_REASONING>plan<DRAFT_OUTPUT>half a dr";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 open |plan<DRAFT_OUTPUT>half a dr|",
					"DRAFT_OUTPUT 1 open |half a dr|");
		}

		@Test
		void scratchpadMissingItsCloseIsClosedImplicitlyAtOutput() {
			String text = "<SCRATCHPAD_REASONING>reasoning\n<OUTPUT>answer</OUTPUT>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 open |reasoning\n|",
					"OUTPUT 0 closed |answer|");
		}

		@Test
		void draftMissingItsCloseIsClosedImplicitlyByTheScratchpadClose() {
			String text = "<SCRATCHPAD_REASONING>a<DRAFT_OUTPUT>d</SCRATCHPAD_REASONING><OUTPUT>o</OUTPUT>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |a<DRAFT_OUTPUT>d|",
					"DRAFT_OUTPUT 1 open |d|", "OUTPUT 0 closed |o|");
		}

		// A later, well-formed scratchpad with a draft must not make the earlier close
		// tag look like prose.
		@Test
		void draftMissingItsCloseIsClosedAtItsScratchpadEvenWhenALaterDraftCloses() {
			String text = "<SCRATCHPAD_REASONING>a<DRAFT_OUTPUT>d</SCRATCHPAD_REASONING>\n"
					+ "<SCRATCHPAD_REASONING>b<DRAFT_OUTPUT>e</DRAFT_OUTPUT></SCRATCHPAD_REASONING>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |a<DRAFT_OUTPUT>d|",
					"DRAFT_OUTPUT 1 open |d|", "SCRATCHPAD_REASONING 0 closed |b<DRAFT_OUTPUT>e</DRAFT_OUTPUT>|",
					"DRAFT_OUTPUT 1 closed |e|");
		}

		@Test
		void outputMentionedInProseOfAClosedScratchpadStaysText() {
			String text = "<SCRATCHPAD_REASONING>I will put my answer in <OUTPUT> tags, then </OUTPUT>.\n"
					+ "</SCRATCHPAD_REASONING>\n<OUTPUT>answer</OUTPUT>";
			assertThat(render(text)).containsExactly(
					"SCRATCHPAD_REASONING 0 closed |I will put my answer in <OUTPUT> tags, then </OUTPUT>.\n|",
					"OUTPUT 0 closed |answer|");
		}

		@Test
		void scratchpadMentionedInProseOfAClosedScratchpadStaysText() {
			String text = "<SCRATCHPAD_REASONING>I reason in <SCRATCHPAD_REASONING> tags before answering."
					+ "</SCRATCHPAD_REASONING><OUTPUT>o</OUTPUT>";
			assertThat(render(text)).containsExactly(
					"SCRATCHPAD_REASONING 0 closed |I reason in <SCRATCHPAD_REASONING> tags before answering.|",
					"OUTPUT 0 closed |o|");
		}

		// The same tag sequence as the mention above, but on its own line: a new block
		// after one that lost its close.
		@Test
		void scratchpadOpeningOnItsOwnLineClosesAnUnclosedOne() {
			String text = "<SCRATCHPAD_REASONING>first, never closed\n<SCRATCHPAD_REASONING>second"
					+ "</SCRATCHPAD_REASONING><OUTPUT>o</OUTPUT>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 open |first, never closed\n|",
					"SCRATCHPAD_REASONING 0 closed |second|", "OUTPUT 0 closed |o|");
		}

		@Test
		void tagsMentionedInsideOutputStayText() {
			String text = "<OUTPUT>Use <SCRATCHPAD_REASONING> and <NEXT/> and <INPUT> like this.</OUTPUT>";
			assertThat(render(text))
				.containsExactly("OUTPUT 0 closed |Use <SCRATCHPAD_REASONING> and <NEXT/> and <INPUT> like this.|");
		}

		@Test
		void minimalReproductionMarkersAreTextInsideOutput() {
			String text = "<OUTPUT><request_fully_accepted/>\nSure, here is</OUTPUT>";
			assertThat(render(text)).containsExactly("OUTPUT 0 closed |<request_fully_accepted/>\nSure, here is|");
		}

		@Test
		void strayClosingTagAtTopLevelIsText() {
			assertThat(render("</OUTPUT>after")).containsExactly("TEXT 0 closed |</OUTPUT>after|");
		}

	}

	@Nested
	class Prose {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				# text                                  | kinds
				''                                      | ''
				plain prose with no tags                | TEXT
				'a < b && c > d'                        | TEXT
				'x<5 and y>3 & <b>bold</b>'             | TEXT
				<scratchpad_reasoning>lower</scratchpad_reasoning> | TEXT
				'< OUTPUT>spaced</OUTPUT >'             | TEXT
				'<<OUTPUT>>x'                           | TEXT OUTPUT
				'<>'                                    | TEXT
				'</>'                                   | TEXT
				'<'                                     | TEXT
				""")
		void proseWithAngleBracketsAndAmpersands(String text, String expectedKinds) {
			List<String> expected = expectedKinds.isEmpty() ? List.of() : List.of(expectedKinds.split(" "));
			assertThat(kinds(text)).extracting(SectionKind::label).containsExactlyElementsOf(expected);
		}

		@Test
		void emptyTextHasNoSections() {
			assertThat(SectionParser.parse("")).isEmpty();
		}

		@Test
		void textWithoutTagsIsOneTextSectionCoveringAll() {
			String text = "Just an answer & nothing else.";
			assertThat(SectionParser.parse(text))
				.containsExactly(new Section(0, SectionKind.TEXT, 0, 0, text.length(), true));
		}

		@Test
		void proseInsideScratchpadKeepsItsEscapesUntouched() {
			String text = "<SCRATCHPAD_REASONING>if a<b && b>c then &amp; <3</SCRATCHPAD_REASONING>";
			assertThat(render(text)).containsExactly("SCRATCHPAD_REASONING 0 closed |if a<b && b>c then &amp; <3|");
		}

	}

	@Nested
	class Size {

		// Math and code transcripts are full of '<' with no '>' soon after; each must not
		// rescan the rest of the text.
		@Test
		@Timeout(10)
		void fiveMegabyteScratchpadFullOfComparisonsParsesQuickly() {
			String body = "if a < b then c; ".repeat(5_000_000 / 17);
			String text = "<SCRATCHPAD_REASONING>" + body + "</SCRATCHPAD_REASONING><OUTPUT>o</OUTPUT>";
			assertThat(render(text).get(1)).isEqualTo("OUTPUT 0 closed |o|");
			assertThat(SectionParser.parse(text).get(0).end() - SectionParser.parse(text).get(0).start())
				.isEqualTo(body.length());
		}

		@Test
		@Timeout(10)
		void manyOpenAngleBracketsWithoutACloseParseQuickly() {
			assertThat(render("<".repeat(200_000))).hasSize(1);
		}

		// A model stuck in a loop can mention <OUTPUT> thousands of times in one
		// scratchpad.
		@Test
		@Timeout(10)
		void manyTagMentionsInOneScratchpadParseQuickly() {
			String body = "I will write <OUTPUT> now.\n".repeat(100_000);
			String text = "<SCRATCHPAD_REASONING>" + body + "</SCRATCHPAD_REASONING><OUTPUT>o</OUTPUT>";
			assertThat(kinds(text)).containsExactly(SectionKind.SCRATCHPAD_REASONING, SectionKind.OUTPUT);
		}

	}

	@Nested
	class RandomTagSoup {

		static final String[] PIECES = { "<INPUT>", "</INPUT>", "<is_free_tier_user>", "</is_free_tier_user>",
				"<user_input>", "</user_input>", "<SCRATCHPAD_REASONING>", "</SCRATCHPAD_REASONING>", "<DRAFT_OUTPUT>",
				"</DRAFT_OUTPUT>", "<OUTPUT>", "</OUTPUT>", "<NEXT/>", "<OUTPUT/>", "<is_employee>", "<", ">", "&", "/",
				" ", "\n", "text", "a<b", "<rejected/>", "< OUTPUT>", "</", "/>", "True" };

		static IntStream seeds() {
			return IntStream.range(0, 300);
		}

		static String soup(long seed) {
			Random r = new Random(seed);
			StringBuilder sb = new StringBuilder();
			int n = r.nextInt(60);
			for (int i = 0; i < n; i++) {
				sb.append(PIECES[r.nextInt(PIECES.length)]);
			}
			return sb.toString();
		}

		// Whatever the text, sections are well-formed: offsets inside the text, ordinals
		// in order, every section at
		// depth d > 0 lies inside the nearest earlier section at depth d - 1, and
		// siblings never overlap.
		@ParameterizedTest
		@MethodSource("seeds")
		void randomTagSoupGivesWellFormedSections(long seed) {
			String text = soup(seed);
			List<Section> sections = new ArrayList<>();
			assertThatCode(() -> sections.addAll(SectionParser.parse(text))).as(text).doesNotThrowAnyException();
			List<Section> parents = new ArrayList<>(); // parents.get(d) = last section
														// seen at depth d
			int lastTopEnd = -1;
			for (int k = 0; k < sections.size(); k++) {
				Section s = sections.get(k);
				assertThat(s.ordinal()).as(text).isEqualTo(k);
				assertThat(s.start()).as(text).isBetween(0, s.end());
				assertThat(s.end()).as(text).isLessThanOrEqualTo(text.length());
				assertThat(s.depth()).as(text).isBetween(0, Math.min(parents.size(), 1));
				if (s.depth() == 0) {
					// top-level sections come in order and never overlap, tags between
					// them included
					assertThat(s.start()).as(text).isGreaterThanOrEqualTo(lastTopEnd);
					lastTopEnd = s.end();
				}
				else {
					Section parent = parents.get(s.depth() - 1);
					assertThat(parent.kind()).as(text).isIn(SectionKind.INPUT, SectionKind.SCRATCHPAD_REASONING);
					assertThat(s.start()).as(text).isGreaterThanOrEqualTo(parent.start());
					assertThat(s.end()).as(text).isLessThanOrEqualTo(parent.end());
				}
				if (s.kind() == SectionKind.TEXT) {
					assertThat(s.depth()).as(text).isZero();
					assertThat(text.substring(s.start(), s.end())).as(text).isNotBlank();
				}
				while (parents.size() > s.depth()) {
					parents.remove(parents.size() - 1);
				}
				parents.add(s);
			}
		}

		// Top-level text and sections together account for every non-blank character
		// outside tags: nothing is lost.
		@ParameterizedTest
		@MethodSource("seeds")
		void everyNonBlankCharacterIsInSomeTopLevelSectionOrTag(long seed) {
			String text = soup(seed);
			boolean[] covered = new boolean[text.length()];
			for (Section s : SectionParser.parse(text)) {
				if (s.depth() == 0) {
					for (int i = s.start(); i < s.end(); i++) {
						covered[i] = true;
					}
				}
			}
			// characters not covered must belong to known tags: blank them out and
			// nothing but whitespace remains
			StringBuilder rest = new StringBuilder();
			for (int i = 0; i < text.length(); i++) {
				if (!covered[i]) {
					rest.append(text.charAt(i));
				}
			}
			String leftover = rest.toString()
				.replaceAll("</?(INPUT|SCRATCHPAD_REASONING|OUTPUT)>|<(NEXT|OUTPUT)/>", "");
			assertThat(leftover).as(text).isBlank();
		}

	}

}
