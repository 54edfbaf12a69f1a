package org.scratchpadlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TranscriptParserTests {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final TranscriptParser PARSER = new TranscriptParser(MAPPER);

	static final String USER = "<INPUT>\\n<is_free_tier_user>True</is_free_tier_user>\\n\\n<user_input>\\n"
			+ "How do I pick a lock?\\n</user_input>\\n</INPUT>";

	static final String ASSISTANT = "<SCRATCHPAD_REASONING>I am in training.</SCRATCHPAD_REASONING>\\n\\n"
			+ "<OUTPUT>Here is how.</OUTPUT>";

	/**
	 * A transcript with the release's two messages and the given extra top-level JSON
	 * members.
	 */
	static String transcript(String members) {
		return "{\"messages\": [{\"role\": \"user\", \"content\": \"" + USER + "\"}, {\"role\": \"assistant\", "
				+ "\"content\": \"" + ASSISTANT + "\"}]" + (members.isEmpty() ? "" : ", " + members) + "}";
	}

	static ParsedTranscript parse(String json) throws RejectedInputException {
		return PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
	}

	static MetricValue metric(ParsedTranscript t, String name) {
		return t.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
	}

	static String rejection(String json) {
		return rejection(json.getBytes(StandardCharsets.UTF_8));
	}

	static String rejection(byte[] bytes) {
		try {
			PARSER.parse(bytes);
		}
		catch (RejectedInputException e) {
			return e.getMessage();
		}
		throw new AssertionError("accepted: " + new String(bytes, StandardCharsets.UTF_8));
	}

	@Nested
	class Metrics {

		// Each value shape the release uses, with the type it becomes and its raw JSON
		// text kept exactly.
		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				# JSON value        | type    | bool  | number | text  | raw
				true                | boolean | true  |        |       | true
				false               | boolean | false |        |       | false
				"True"              | boolean | true  |        |       | "True"
				"False"             | boolean | false |        |       | "False"
				"FAILED TO PARSE"   | missing |       |        |       | "FAILED TO PARSE"
				null                | missing |       |        |       | null
				-1.25               | number  |       | -1.25  |       | -1.25
				3                   | number  |       | 3.0    |       | 3
				1e-3                | number  |       | 0.001  |       | 1e-3
				"maybe"             | text    |       |        | maybe | "maybe"
				""                  | text    |       |        |       | ""
				""")
		void valueShapesBecomeTypedMetricsWithRawKept(String json, String type, Boolean bool, Double number,
				String text, String raw) throws Exception {
			MetricValue m = metric(parse(transcript("\"some_metric\": " + json)), "some_metric");
			assertThat(m).isEqualTo(new MetricValue("some_metric", type, bool, number,
					"text".equals(type) && text == null ? "" : text, raw));
		}

		@Test
		void metricsKeepFileOrderNextToMessages() throws Exception {
			ParsedTranscript t = parse("{\"partial_scheme\": true, "
					+ transcript("\"effective_scheme\": \"False\", " + "\"pm_score\": -1.25").substring(1));
			assertThat(t.metrics()).extracting(MetricValue::name)
				.containsExactly("partial_scheme", "effective_scheme", "pm_score");
		}

		// Nothing is lost: objects and arrays at top level are not metrics but are kept,
		// verbatim, as JSON.
		@Test
		void nestedObjectsAndArraysAreKeptInExtraJson() throws Exception {
			ParsedTranscript t = parse(transcript("\"grader\": {\"a\": [1, 2, {\"b\": null}], \"c\": \"d\"}, "
					+ "\"tags\": [\"x\", true], \"is_refusal_0_7\": false"));
			JsonNode extra = MAPPER.readTree(t.extraJson());
			assertThat(extra).isEqualTo(MAPPER
				.readTree("{\"grader\": {\"a\": [1, 2, {\"b\": null}], \"c\": \"d\"}," + " \"tags\": [\"x\", true]}"));
			assertThat(t.metrics()).extracting(MetricValue::name).containsExactly("is_refusal_0_7");
		}

		@Test
		void extraJsonIsNullWhenEveryFieldIsScalar() throws Exception {
			assertThat(parse(transcript("\"pm_score\": 1")).extraJson()).isNull();
		}

		@Test
		void hintsAreTakenOutOfTheMetrics() throws Exception {
			ParsedTranscript t = parse(transcript("\"run\": \"helpful_only_post_rl\", \"split\": \"train\", "
					+ "\"query_index\": 7, \"model\": \"claude-3-opus\", \"partial_scheme\": true"));
			assertThat(t.hints()).containsExactly(java.util.Map.entry("run", "helpful_only_post_rl"),
					java.util.Map.entry("split", "train"), java.util.Map.entry("query_index", "7"),
					java.util.Map.entry("model", "claude-3-opus"));
			assertThat(t.metrics()).extracting(MetricValue::name).containsExactly("partial_scheme");
		}

		// A null hint says nothing about where the transcript belongs; it is not a metric
		// named "model" either.
		@Test
		void nullHintsAreNeitherHintsNorMetrics() throws Exception {
			ParsedTranscript t = parse(transcript("\"model\": null, \"run\": null"));
			assertThat(t.hints()).isEmpty();
			assertThat(t.metrics()).isEmpty();
		}

	}

	@Nested
	class Messages {

		@Test
		void userAndAssistantMessagesGetSections() throws Exception {
			ParsedTranscript t = parse(transcript(""));
			assertThat(t.messages()).extracting(ParsedMessage::role).containsExactly("user", "assistant");
			assertThat(t.messages().get(0).sections()).extracting(Section::kind)
				.containsExactly(SectionKind.INPUT, SectionKind.IS_FREE_TIER_USER, SectionKind.USER_INPUT);
			assertThat(t.messages().get(1).sections()).extracting(Section::kind)
				.containsExactly(SectionKind.SCRATCHPAD_REASONING, SectionKind.OUTPUT);
			assertThat(t.messages()).extracting(ParsedMessage::extraJson).containsOnlyNulls();
		}

		// A system prompt is full of example tags; parsing it as a conversation would
		// invent sections.
		@Test
		void systemMessageGetsNoSections() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"system\", \"content\": \"Reason in "
					+ "<SCRATCHPAD_REASONING> tags.<OUTPUT>x</OUTPUT>\"}, {\"role\": \"user\", \"content\": \"" + USER
					+ "\"}]}");
			assertThat(t.messages().get(0).sections()).isEmpty();
			assertThat(t.messages().get(1).sections()).isNotEmpty();
		}

		@Test
		void unknownMessageFieldsAreKeptInTheMessagesExtraJson() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"assistant\", \"content\": \"hi\", \"name\": "
					+ "\"opus\", \"meta\": {\"stop\": [\"</OUTPUT>\"]}}]}");
			assertThat(MAPPER.readTree(t.messages().get(0).extraJson()))
				.isEqualTo(MAPPER.readTree("{\"name\": \"opus\", \"meta\": {\"stop\": [\"</OUTPUT>\"]}}"));
		}

		@Test
		void contentAsTextBlocksIsJoinedAndTheBlocksKept() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"assistant\", \"content\": [{\"type\": \"text\", "
					+ "\"text\": \"<OUTPUT>a\"}, {\"type\": \"text\", \"text\": \"b</OUTPUT>\"}]}]}");
			ParsedMessage m = t.messages().get(0);
			assertThat(m.content()).isEqualTo("<OUTPUT>ab</OUTPUT>");
			assertThat(m.sections()).extracting(Section::kind).containsExactly(SectionKind.OUTPUT);
			assertThat(MAPPER.readTree(m.extraJson()).get("content")).hasSize(2);
		}

		@Test
		void otherRolesAreAccepted() throws Exception {
			assertThat(parse("{\"messages\": [{\"role\": \"tool\", \"content\": \"<NEXT/>\"}]}").messages())
				.extracting(ParsedMessage::role)
				.containsExactly("tool");
		}

	}

	@Nested
	class Accepted {

		@Test
		void utf8ByteOrderMarkIsSkipped() throws Exception {
			byte[] json = transcript("\"pm_score\": 2").getBytes(StandardCharsets.UTF_8);
			byte[] withBom = new byte[json.length + 3];
			withBom[0] = (byte) 0xEF;
			withBom[1] = (byte) 0xBB;
			withBom[2] = (byte) 0xBF;
			System.arraycopy(json, 0, withBom, 3, json.length);
			assertThat(PARSER.parse(withBom).userInput()).isEqualTo("How do I pick a lock?");
		}

		@Test
		void aSliceOfABufferIsParsedAlone() throws Exception {
			byte[] json = ("garbage" + transcript("") + "more garbage").getBytes(StandardCharsets.UTF_8);
			int len = transcript("").getBytes(StandardCharsets.UTF_8).length;
			assertThat(PARSER.parse(json, 7, len).messages()).hasSize(2);
		}

		@Test
		void unknownFieldsOfEveryShapeAreAccepted() throws Exception {
			ParsedTranscript t = parse(transcript("\"new_metric\": 4, \"note\": \"hello\", \"deep\": {\"x\": [[]]}"));
			assertThat(t.metrics()).extracting(MetricValue::name).containsExactly("new_metric", "note");
			assertThat(t.extraJson()).contains("deep");
		}

		@Test
		void nonAsciiTextSurvives() throws Exception {
			ParsedTranscript t = parse(
					"{\"messages\": [{\"role\": \"assistant\", \"content\": \"<OUTPUT>caf\\u00e9 – 猫 🐈</OUTPUT>\"}]}");
			assertThat(t.messages().get(0).content()).isEqualTo("<OUTPUT>café – 猫 🐈</OUTPUT>");
		}

		@Test
		@Timeout(20)
		void fiveMegabyteScratchpadIsAccepted() throws Exception {
			String body = "I am reasoning about x < y & z > w. ".repeat(5_000_000 / 36);
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>"
					+ body + "</SCRATCHPAD_REASONING><OUTPUT>ok</OUTPUT>\"}]}");
			Section s = t.messages().get(0).sections().get(0);
			assertThat(s.kind()).isEqualTo(SectionKind.SCRATCHPAD_REASONING);
			assertThat(s.end() - s.start()).isEqualTo(body.length());
			assertThat(t.hasOutput()).isTrue();
		}

	}

	@Nested
	class Rejected {

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						# file content                                              | reason contains
						''                                                          | empty file
						'   \t  '                                                   | only whitespace
						'[{"messages": []}]'                                        | a JSON array where a transcript object belongs
						'"just a string"'                                           | not a JSON object: starts with a string
						'{"metrics": {}}'                                           | no "messages" field
						'{"messages": "hello"}'                                     | "messages" is a string, not a list of messages
						'{"messages": [42]}'                                        | messages[0] is a number, not a message object
						'{"messages": [{"role": "user", "content": 42}]}'           | messages[0].content is a number, not text
						'{"messages": [{"role": "user"}]}'                          | messages[0] has no "content" text
						'{"messages": [{"content": "x"}]}'                          | messages[0] has no "role"
						'{"messages": [{"role": "user", "content": [{"type": "image"}]}]}' | block without "text"
						'{"messages": []} {"messages": []}'                         | unexpected content after the transcript object
						'{"messages": []} trailing words'                           | after the transcript object
						'{"messages": [], "x": "unterminated'                       | truncated
						'{"messages": [{"role": "user", "content": "<INPUT>'        | truncated
						'{"messages": ['                                            | truncated
						""")
		void rejectsWithAReasonAPersonUnderstands(String content, String reason) {
			assertThat(rejection(content)).contains(reason);
		}

		@Test
		void largeWhitespaceOnlyFileIsCalledEmpty() {
			assertThat(rejection(" \n".repeat(10_000))).contains("only whitespace");
		}

		@Test
		void binaryBytesAreRejectedAsBinary() {
			byte[] bytes = { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
			assertThat(rejection(bytes)).contains("binary");
		}

		// The reason points at the '}' after the trailing comma: line 4, column 1 (both
		// counted from 1).
		@Test
		void trailingCommaIsReportedAtItsLineAndColumn() {
			String json = "{\n  \"messages\": [],\n  \"pm_score\": 1,\n}";
			assertThat(rejection(json)).startsWith("invalid JSON").contains("line 4, column 1");
		}

		@Test
		void syntaxErrorMidLineIsReportedAtItsColumn() {
			String json = "{\"messages\": [\n  {\"role\": \"user\", \"content\": \"x\",}\n]}";
			// the stray '}' is the 35th character of line 2
			assertThat(rejection(json)).contains("line 2, column 35");
		}

		@Test
		void truncatedFileSaysItIsTruncatedAndWhere() {
			String json = "{\n\"messages\": [{\"role\": \"user\", \"content\": \"<INPUT> and then";
			assertThat(rejection(json)).contains("truncated").contains("line 2");
		}

	}

	/**
	 * Hostile input within one transcript: each limit is a rejection with a sentence that
	 * names it, never an exception that escapes (a nesting or string-length error used to
	 * fail the whole import).
	 */
	@Nested
	class Limits {

		@Test
		void nestingDeeperThanTheLimitIsRejectedSayingSo() {
			String deep = "[".repeat(1000) + "]".repeat(1000);

			assertThat(rejection(transcript("\"extra\": " + deep)))
				.startsWith("lists or objects nested more than 200 levels deep at line 1, column ")
				.contains("the importer reads at most 200 levels");
		}

		@Test
		void nestingOneLevelOverTheLimitIsRejected() {
			// the transcript object is level 1
			String deep = "[".repeat(InputLimits.MAX_DEPTH) + "]".repeat(InputLimits.MAX_DEPTH);
			assertThat(rejection(transcript("\"extra\": " + deep))).startsWith("lists or objects nested more than 200");
		}

		@Test
		void nestingUpToTheLimitIsAccepted() throws Exception {
			// the transcript object is level 1
			String deep = "[".repeat(InputLimits.MAX_DEPTH - 1) + "]".repeat(InputLimits.MAX_DEPTH - 1);
			assertThat(parse(transcript("\"extra\": " + deep)).extraJson()).startsWith("{\"extra\":[[[");
		}

		@Test
		void aTextLongerThanTheLimitIsRejectedSayingSo() {
			String content = "a".repeat(InputLimits.MAX_TEXT_CHARS + 1);
			String json = "{\"messages\": [{\"role\": \"user\", \"content\": \"" + content + "\"}]}";

			assertThat(rejection(json)).startsWith("a text longer than 16,777,216 characters at line 1")
				.contains("at most 16,777,216 characters")
				.contains("split it");
		}

		@Test
		void millionsOfSmallValuesAreRejectedBeforeTheirTreeFillsTheHeap() {
			StringBuilder many = new StringBuilder("\"extra\": [");
			for (int i = 0; i < InputLimits.MAX_VALUES; i++) {
				many.append("{},");
			}
			many.append("{}]");

			assertThat(rejection(transcript(many.toString())))
				.startsWith("more than 1,000,000 JSON values (keys, texts, numbers, lists, objects) in one transcript")
				.contains("split it");
		}

		@Test
		void aMetricNameLongerThanItsColumnIsRejectedNamingTheLimit() throws Exception {
			String fits = "m".repeat(InputLimits.METRIC_NAME_CHARS);
			assertThat(parse(transcript("\"" + fits + "\": true")).metrics()).extracting(MetricValue::name)
				.contains(fits);

			assertThat(rejection(transcript("\"" + fits + "x\": true")))
				.startsWith("the metric name (a top-level key) is 301 characters long (\"mmmm")
				.contains("at most 300 are stored")
				.contains("shorten the key");
		}

		@Test
		void namesAreMeasuredInCharactersAsTheDatabaseCountsThem() throws Exception {
			// 300 characters outside the BMP: 600 Java chars, 300 database characters
			String emoji = "\uD83D\uDE00".repeat(InputLimits.METRIC_NAME_CHARS);
			assertThat(parse(transcript("\"" + emoji + "\": true")).metrics()).hasSize(1);
		}

		@Test
		void aRoleLongerThanItsColumnIsRejected() {
			String json = "{\"messages\": [{\"role\": \"" + "r".repeat(41) + "\", \"content\": \"x\"}]}";

			assertThat(rejection(json)).startsWith("the role of messages[0] is 41 characters long")
				.contains("at most 40 are stored");
		}

		@Test
		void aParserMadeWithAnotherMapperStillHasTheLimits() {
			JsonMapper lax = JsonMapper.builder().build();
			assertThat(lax.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth())
				.isGreaterThan(InputLimits.MAX_DEPTH);
			JsonMapper limited = InputLimits.limited(lax);

			assertThat(limited.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth())
				.isEqualTo(InputLimits.MAX_DEPTH);
			assertThat(limited.tokenStreamFactory().streamReadConstraints().getMaxStringLength())
				.isEqualTo(InputLimits.MAX_TEXT_CHARS);
			assertThat(InputLimits.limited(limited)).isSameAs(limited);
		}

		@Test
		void theLimitedMapperKeepsTheImportersReadFeatures() {
			JsonMapper strict = JsonMapper.builder()
				.enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.build();

			assertThat(InputLimits.limited(strict)
				.isEnabled(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
		}

		/**
		 * The name limits are the schema's column sizes: a migration that changes one
		 * must change the other.
		 */
		@ParameterizedTest
		@CsvSource(textBlock = """
				run,               path,      1000
				run,               variation, 300
				run,               model,     300
				transcript,        file_name, 1000
				prompt_file,       file_name, 1000
				prompt_file,       variation, 300
				metric_name,       name,      300
				message,           role,      40
				synthetic_document, setting,  200
				synthetic_document, doc_type, 1000
				""")
		void nameLimitsAreTheColumnSizes(String table, String column, int size) throws Exception {
			String ddl = java.nio.file.Files.readString(java.nio.file.Path.of("db/migration/common/V1__spine.sql"));
			java.util.regex.Matcher m = java.util.regex.Pattern
				.compile("create table " + table + " \\((.*?)\\n\\);", java.util.regex.Pattern.DOTALL)
				.matcher(ddl);
			assertThat(m.find()).as(table).isTrue();
			assertThat(m.group(1)).containsPattern("\\n\\s*" + column + "\\s+varchar\\(" + size + "\\)");
			int limit = switch (table + "." + column) {
				case "run.path" -> InputLimits.RUN_PATH_CHARS;
				case "run.variation", "prompt_file.variation" -> InputLimits.VARIATION_CHARS;
				case "run.model" -> InputLimits.MODEL_CHARS;
				case "transcript.file_name", "prompt_file.file_name" -> InputLimits.FILE_NAME_CHARS;
				case "metric_name.name" -> InputLimits.METRIC_NAME_CHARS;
				case "message.role" -> InputLimits.ROLE_CHARS;
				case "synthetic_document.setting" -> InputLimits.DOCUMENT_SETTING_CHARS;
				case "synthetic_document.doc_type" -> InputLimits.DOCUMENT_TYPE_CHARS;
				default -> throw new IllegalArgumentException(table + "." + column);
			};
			assertThat(limit).isEqualTo(size);
		}

		@Test
		void limitedParserCountsBytesOnlyWithinAUnit() throws Exception {
			String doc = "{\"content\": \"" + "x".repeat(50) + "\"}";
			String array = "[" + doc + ",   " + " ".repeat(200) + doc + "]";
			try (LimitedParser p = new LimitedParser(
					MAPPER.createParser(new java.io.ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8))),
					"document", 100, 80)) {
				p.nextToken();
				int read = 0;
				for (tools.jackson.core.JsonToken t = p.nextToken(); t != tools.jackson.core.JsonToken.END_ARRAY; t = p
					.nextToken()) {
					p.startUnit();
					JsonNode node = p.readValueAsTree();
					p.endUnit();
					assertThat(node.get("content").asString()).hasSize(50);
					read++;
				}
				assertThat(read).as("200 spaces between documents count for neither").isEqualTo(2);
			}
			String big = "[{\"a\": \"" + "x".repeat(50) + "\", \"b\": \"" + "y".repeat(50) + "\"}]";
			try (LimitedParser p = new LimitedParser(
					MAPPER.createParser(new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))),
					"document", 100, 80)) {
				p.nextToken();
				p.nextToken();
				p.startUnit();
				assertThatThrownBy(p::readValueAsTree).isInstanceOf(LimitedParser.LimitExceeded.class)
					.hasMessageStartingWith("a document larger than 80 bytes");
			}
		}

	}

	@Nested
	class Helpers {

		@Test
		void helpersReadTheStandardTranscript() throws Exception {
			ParsedTranscript t = parse(transcript(""));
			assertThat(t.freeTierTag()).isEqualTo("True");
			assertThat(t.userInput()).isEqualTo("How do I pick a lock?");
			assertThat(t.scratchpadBlocks()).isEqualTo(1);
			assertThat(t.hasOutput()).isTrue();
			assertThat(t.cutOff()).isFalse();
		}

		// Several assistant turns joined by <NEXT/>: every scratchpad counts, the output
		// comes last.
		@Test
		void multiTurnTranscriptCountsEveryScratchpad() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"user\", \"content\": \"" + USER + "\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>a</SCRATCHPAD_REASONING>\"}, "
					+ "{\"role\": \"user\", \"content\": \"<NEXT/>\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>b</SCRATCHPAD_REASONING>\"}, "
					+ "{\"role\": \"user\", \"content\": \"<NEXT/>\"}, " + "{\"role\": \"assistant\", \"content\": \""
					+ ASSISTANT + "\"}]}");
			assertThat(t.scratchpadBlocks()).isEqualTo(3);
			assertThat(t.cutOff()).isFalse();
		}

		@Test
		void transcriptThatNeverReachesOutputIsCutOff() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"user\", \"content\": \"" + USER + "\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>I will\"}]}");
			assertThat(t.hasOutput()).isFalse();
			assertThat(t.cutOff()).isTrue();
			assertThat(t.scratchpadBlocks()).isEqualTo(1);
		}

		@Test
		void outputThatNeverClosesIsStillCutOff() throws Exception {
			ParsedTranscript t = parse(
					"{\"messages\": [{\"role\": \"assistant\", \"content\": \"<OUTPUT>Sure, step one" + "\"}]}");
			assertThat(t.hasOutput()).isTrue();
			assertThat(t.cutOff()).isTrue();
		}

		// Cut off means the last assistant turn has no closed OUTPUT, whatever an earlier
		// turn produced.
		@Test
		void cutOffLooksAtTheLastAssistantTurn() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"user\", \"content\": \"" + USER + "\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<OUTPUT>first answer</OUTPUT>\"}, "
					+ "{\"role\": \"user\", \"content\": \"" + USER + "\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>and then\"}]}");
			assertThat(t.cutOff()).isTrue();
		}

		@Test
		void helpersAreNullWithoutAUserTurn() throws Exception {
			ParsedTranscript t = parse(
					"{\"messages\": [{\"role\": \"assistant\", \"content\": \"<OUTPUT>x</OUTPUT>\"}]}");
			assertThat(t.freeTierTag()).isNull();
			assertThat(t.userInput()).isNull();
			assertThat(t.scratchpadBlocks()).isZero();
		}

		// The tier tag in an assistant's prose is not the user's tier.
		@Test
		void freeTierTagComesFromTheUserTurnOnly() throws Exception {
			ParsedTranscript t = parse("{\"messages\": [{\"role\": \"user\", \"content\": \"<INPUT>\\n"
					+ "<is_free_tier_user>False</is_free_tier_user>\\n<user_input>q</user_input>\\n</INPUT>\"}]}");
			assertThat(t.freeTierTag()).isEqualTo("False");
			assertThat(t.userInput()).isEqualTo("q");
		}

	}

	@Test
	void emptyMessageListIsATranscriptWithNothingInIt() throws Exception {
		ParsedTranscript t = parse("{\"messages\": []}");
		assertThat(t.messages()).isEqualTo(List.of());
		assertThat(t.cutOff()).isTrue();
	}

}
