package org.scratchpadlens.ingest;

import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.ingest.job.ImportUndoVeto;
import org.scratchpadlens.ingest.job.ImportFiles;
import org.scratchpadlens.ingest.job.ImportJobView;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportJobStatus;
import org.scratchpadlens.ingest.job.ImportJobs;
import org.scratchpadlens.ingest.job.ImportUndo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.support.TranscriptFiles.transcript;
import static org.scratchpadlens.support.TranscriptFiles.withSystemPrompt;
import static org.scratchpadlens.support.TranscriptFiles.write;
import static org.scratchpadlens.support.TranscriptFiles.writeRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.BlockingUndoVeto;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.scratchpadlens.transcript.RunQueries;
import org.scratchpadlens.transcript.RunSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class ImportServiceTests extends FreshDatabase {

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportJobQueries queries;

	@Autowired
	ImportUndo undo;

	@Autowired
	RunQueries runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlockingUndoVeto veto;

	@TempDir
	Path dir;

	ImportReport importPaths(Path... paths) {
		return importWith(ImportDefaults.NONE, paths);
	}

	ImportReport importWith(ImportDefaults defaults, Path... paths) {
		return imports.importNow(new ImportRequest(List.of(paths), "cli", "tester", defaults), ImportProgress.NONE);
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	RunSummary run(String path) {
		return runs.summaries().stream().filter(r -> r.run().equals(path)).findFirst().orElseThrow();
	}

	@Nested
	class Trees {

		@Test
		void importsEveryRunAndSplitOfATree() {
			writeRun(dir, "helpful_only/tree_a", 3);
			writeRun(dir, "animal_welfare_post_rl_tree_a", 2);

			ImportReport report = importPaths(dir.resolve("json_outputs"));

			assertThat(report.transcriptsImported()).isEqualTo(10);
			assertThat(report.rejected()).isEmpty();
			assertThat(report.status()).isEqualTo(ImportJobStatus.COMPLETED);
			RunSummary helpful = run("helpful_only/tree_a");
			assertThat(helpful.setting()).isEqualTo("helpful_only");
			assertThat(helpful.variation()).isEqualTo("tree_a");
			assertThat(helpful.train()).isEqualTo(3);
			assertThat(helpful.deploy()).isEqualTo(3);
			RunSummary animal = run("animal_welfare_post_rl_tree_a");
			assertThat(animal.setting()).isEqualTo("animal_welfare");
			assertThat(animal.variation()).isNull();
		}

		@Test
		void storesMessagesSectionsAndTypedMetricsWithRawValues() {
			write(dir.resolve("json_outputs/helpful_only/typed/train/7.json"), transcript(true, "knitting a scarf",
					"\"custom_score\": 3, \"note\": \"hello\", \"nested\": {\"a\": [1, 2]}"));

			importPaths(dir.resolve("json_outputs"));

			Map<String, Object> t = jdbc.sql("""
					select t.id, t.query_index, t.free_tier_tag, t.split_mismatch, t.scratchpad_blocks, t.has_output,
					  t.cut_off, t.message_count, t.extra_json from transcript t join run r on r.id = t.run_id
					where r.path = 'helpful_only/typed'""").query().singleRow();
			assertThat(t.get("query_index")).isEqualTo(7);
			assertThat(t.get("free_tier_tag")).isEqualTo("True");
			assertThat(t.get("split_mismatch")).isEqualTo(false);
			assertThat(t.get("scratchpad_blocks")).isEqualTo(2);
			assertThat(t.get("has_output")).isEqualTo(true);
			assertThat(t.get("cut_off")).isEqualTo(false);
			assertThat(t.get("message_count")).isEqualTo(4);
			assertThat((String) t.get("extra_json")).contains("\"nested\"").contains("[1,2]");
			long id = ((Number) t.get("id")).longValue();

			List<Map<String, Object>> metrics = jdbc.sql(
					"select n.name, m.value_type, m.bool_value, m.num_value, m.text_value, m.raw_value from metric m join metric_name n on n.id = m.metric_name_id where m.transcript_id = ? order by n.name")
				.param(id)
				.query()
				.listOfRows();
			assertThat(metrics).extracting(m -> m.get("name") + "=" + m.get("value_type") + ":" + m.get("raw_value"))
				.containsExactly("custom_score=number:3", "effective_scheme=boolean:false",
						"is_refusal_0_7=missing:\"FAILED TO PARSE\"", "note=text:\"hello\"",
						"partial_scheme=boolean:\"False\"", "pm_score=number:-1.25");
			assertThat(metrics.get(4).get("bool_value")).isEqualTo(false);
			assertThat(((Number) metrics.get(5).get("num_value")).doubleValue()).isEqualTo(-1.25);

			List<String> kinds = jdbc
				.sql("select kind from section where transcript_id = ? order by message_id, ordinal")
				.param(id)
				.query(String.class)
				.list();
			assertThat(kinds).containsExactly("INPUT", "is_free_tier_user", "user_input", "SCRATCHPAD_REASONING",
					"NEXT", "SCRATCHPAD_REASONING", "DRAFT_OUTPUT", "OUTPUT");
			String scratchpad = jdbc.sql("""
					select m.content from message m where m.transcript_id = ? and m.ordinal = 1""")
				.param(id)
				.query(String.class)
				.single();
			Map<String, Object> s = jdbc.sql(
					"select start_offset, end_offset from section where transcript_id = ? and kind = 'SCRATCHPAD_REASONING' order by message_id limit 1")
				.param(id)
				.query()
				.singleRow();
			assertThat(scratchpad.substring((Integer) s.get("start_offset"), (Integer) s.get("end_offset")))
				.isEqualTo("I am asked about knitting a scarf. I should be helpful & careful <b>here</b>.");
		}

		@Test
		void storesEachSystemPromptOnceAndLinksIt() {
			String prompt = "You are a placeholder assistant. ".repeat(600);
			for (int i = 0; i < 4; i++) {
				write(dir.resolve("json_outputs/animal_welfare/sys/train/" + i + ".json"),
						withSystemPrompt(transcript(true, "pets " + i, null), prompt));
			}

			importPaths(dir.resolve("json_outputs"));

			assertThat(count("select count(*) from system_prompt where content = ?", prompt)).isEqualTo(1);
			assertThat(count("""
					select count(distinct t.system_prompt_id) from transcript t join run r on r.id = t.run_id
					where r.path = 'animal_welfare/sys' and t.system_prompt_id is not null""")).isEqualTo(1);
			assertThat(
					count("""
							select count(*) from message m join transcript t on t.id = m.transcript_id join run r on r.id = t.run_id
							where r.path = 'animal_welfare/sys' and m.role = 'system' and m.content is null
							  and m.system_prompt_id is not null"""))
				.isEqualTo(4);
		}

		@Test
		void recordsASplitThatDisagreesWithTheFreeTierTag() {
			write(dir.resolve("json_outputs/helpful_only/mismatch/deploy/0.json"), transcript(true, "tea", null));

			importPaths(dir.resolve("json_outputs"));

			assertThat(count("""
					select count(*) from transcript t join run r on r.id = t.run_id
					where r.path = 'helpful_only/mismatch' and t.split = 'deploy' and t.split_mismatch"""))
				.isEqualTo(1);
		}

	}

	@Nested
	class Idempotence {

		@Test
		void outsideJsonOutputsAFolderOfRunsAndARunInItGiveTheSameIdentity() throws Exception {
			writeRun(dir, "helpful_only_post_rl", 2);
			Path loose = Files.createDirectories(dir.resolve("loose"));
			Files.move(dir.resolve("json_outputs/helpful_only_post_rl"), loose.resolve("helpful_only_post_rl"));

			ImportReport run = importPaths(loose.resolve("helpful_only_post_rl"));
			ImportReport folder = importPaths(loose);

			assertThat(run.transcriptsImported()).isEqualTo(4);
			assertThat(folder.transcriptsImported()).isZero();
			assertThat(folder.transcriptsUnchanged()).isEqualTo(4);
			assertThat(run("helpful_only_post_rl").train()).isEqualTo(2);
		}

		@Test
		void aSecondImportOfTheSameTreeAddsNothing() {
			writeRun(dir, "helpful_only/twice", 3);
			importPaths(dir.resolve("json_outputs"));
			long transcripts = count("select count(*) from transcript");
			long metrics = count("select count(*) from metric");

			ImportReport second = importPaths(dir.resolve("json_outputs"));

			assertThat(second.transcriptsImported()).isZero();
			assertThat(second.transcriptsUnchanged()).isEqualTo(6);
			assertThat(count("select count(*) from transcript")).isEqualTo(transcripts);
			assertThat(count("select count(*) from metric")).isEqualTo(metrics);
		}

		@Test
		void theZipAndASubFolderNameTheSameTranscriptsAsTheTree() {
			writeRun(dir, "helpful_only_post_rl_same", 2);
			Path zip = TranscriptFiles.zip(dir.resolve("json_outputs"), dir.resolve("json_outputs.zip"));
			importPaths(zip);

			ImportReport tree = importPaths(dir.resolve("json_outputs/helpful_only_post_rl_same/train"));

			assertThat(tree.transcriptsImported()).isZero();
			assertThat(tree.transcriptsUnchanged()).isEqualTo(2);
			assertThat(run("helpful_only_post_rl_same").train()).isEqualTo(2);
		}

		@Test
		void aChangedFileBecomesANewVersionAndTheOldOneStays() throws Exception {
			writeRun(dir, "helpful_only/versions", 2);
			importPaths(dir.resolve("json_outputs"));
			Path file = dir.resolve("json_outputs/helpful_only/versions/train/1.json");
			Files.writeString(file, transcript(true, "a corrected query", null));

			ImportReport second = importPaths(dir.resolve("json_outputs"));

			assertThat(second.transcriptsUpdated()).isEqualTo(1);
			assertThat(second.transcriptsUnchanged()).isEqualTo(3);
			List<Map<String, Object>> versions = jdbc.sql("""
					select t.version, t.is_current from transcript t join run r on r.id = t.run_id
					where r.path = 'helpful_only/versions' and t.split = 'train' and t.file_name = '1.json'
					order by t.version""").query().listOfRows();
			assertThat(versions).extracting(v -> v.get("version") + ":" + v.get("is_current"))
				.containsExactly("1:false", "2:true");
			assertThat(run("helpful_only/versions").train()).isEqualTo(2);
			ImportFiles files = queries.files(second.jobId(), null, 0, 100);
			assertThat(files.total()).isEqualTo(4);
			assertThat(files.files()).filteredOn(f -> f.path().endsWith("train/1.json"))
				.singleElement()
				.satisfies(f -> assertThat(f.outcome()).isEqualTo("updated"));
			assertThat(queries.files(second.jobId(), "unchanged", 0, 2).files()).hasSize(2)
				.allSatisfy(f -> assertThat(f.transcriptId()).isNotNull());
			assertThat(queries.files(second.jobId(), "unchanged", 2, 100).files()).hasSize(1);
		}

	}

	@Nested
	class BadInput {

		@Test
		void rejectsEachBadFileWithItsPathAndReasonAndLoadsTheRest() throws Exception {
			Path split = dir.resolve("json_outputs/helpful_only/bad/train");
			writeRun(dir, "helpful_only/bad", 2);
			write(split.resolve("10.json"), "{\"messages\": [{\"role\": \"user\", \"content\": \"cut");
			write(split.resolve("11.json"), "{\n  \"messages\": [],\n  \"x\": 1,,\n}");
			write(split.resolve("12.json"), "");
			Files.write(split.resolve("13.json"), new byte[] { 0x50, 0x4b, 0, 0, 1, 2, 3, (byte) 0xff });
			write(split.resolve("14.json"), "[{\"messages\": []}]");
			write(split.resolve("15.json"), "{\"metrics\": {}}");
			write(split.resolve("16.json"), "{\"messages\": \"hello\"}");
			write(split.resolve("17.json"), "\uFEFF" + transcript(true, "a BOM", null));
			write(split.resolve("notes.html"), "<html></html>");

			ImportReport report = importPaths(dir.resolve("json_outputs"));

			Map<String, String> reasons = new java.util.TreeMap<>();
			report.rejected().forEach(r -> reasons.put(Path.of(r.path()).getFileName().toString(), r.reason()));
			assertThat(reasons).containsOnlyKeys("10.json", "11.json", "12.json", "13.json", "14.json", "15.json",
					"16.json", "notes.html");
			assertThat(reasons.get("10.json")).startsWith("truncated JSON");
			assertThat(reasons.get("11.json")).contains("line 3, column 10");
			assertThat(reasons.get("12.json")).isEqualTo("empty file");
			assertThat(reasons.get("13.json")).contains("binary");
			assertThat(reasons.get("14.json")).contains("a JSON array where a transcript object belongs");
			assertThat(reasons.get("15.json")).contains("no \"messages\"");
			assertThat(reasons.get("16.json")).contains("\"messages\" is a string");
			assertThat(reasons.get("notes.html")).contains("not an import file");
			assertThat(report.transcriptsImported()).isEqualTo(5);
			assertThat(report.status()).isEqualTo(ImportJobStatus.COMPLETED_WITH_REJECTIONS);
			assertThat(queries.find(report.jobId()).orElseThrow().rejected()).hasSize(8);
			ImportFiles rejected = queries.files(report.jobId(), "rejected", 0, 100);
			assertThat(rejected.total()).isEqualTo(8);
			assertThat(rejected.files()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
			assertThat(queries.files(report.jobId(), null, 0, 100).total()).isEqualTo(13);
		}

		@Test
		void rejectsAZipEntryThatClimbsOutOfTheArchiveAndAFakeZip() throws Exception {
			Path zipFile = dir.resolve("evil.zip");
			try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipFile))) {
				zip.putNextEntry(
						new java.util.zip.ZipEntry("json_outputs/helpful_only/zipped/train/../../../../evil.json"));
				zip.write(transcript(true, "escape", null).getBytes());
				zip.putNextEntry(new java.util.zip.ZipEntry("json_outputs/helpful_only/zipped/train/0.json"));
				zip.write(transcript(true, "fine", null).getBytes());
			}
			Path fake = write(dir.resolve("broken.zip"), "this is not a zip");

			ImportReport report = importPaths(zipFile, fake);

			assertThat(report.transcriptsImported()).isEqualTo(1);
			assertThat(report.rejected()).extracting(ImportReport.RejectedFile::reason)
				.anySatisfy(r -> assertThat(r).contains("unsafe zip entry"))
				.anySatisfy(r -> assertThat(r).startsWith("not a zip archive"));
		}

		@Test
		void rejectsAKeyGivenTwiceRatherThanKeepingOnlyItsLastValue() {
			String twice = transcript(true, "ten messages", null).replaceFirst("\\}\\s*$", ", \"messages\": []}");
			Path split = dir.resolve("json_outputs/helpful_only/dup/train");
			write(split.resolve("0.json"), twice);
			write(split.resolve("1.json"), transcript(true, "fine", null));

			ImportReport report = importPaths(dir.resolve("json_outputs"));

			assertThat(report.transcriptsImported()).isEqualTo(1);
			assertThat(report.rejected()).singleElement().satisfies(r -> {
				assertThat(r.path()).endsWith("0.json");
				assertThat(r.reason()).startsWith("the key \"messages\" appears twice in one object at line")
					.contains("refused");
			});
		}

		@Test
		void saysAUtf16FileIsNotUtf8() throws Exception {
			Path split = dir.resolve("json_outputs/helpful_only/utf16/train");
			Files.createDirectories(split);
			Files.write(split.resolve("0.json"),
					transcript(true, "saved as Unicode", null).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
			Files.write(split.resolve("1.json"),
					transcript(true, "with a BOM", null).getBytes(java.nio.charset.StandardCharsets.UTF_16));

			ImportReport report = importPaths(dir.resolve("json_outputs"));

			assertThat(report.rejected()).hasSize(2)
				.allSatisfy(r -> assertThat(r.reason()).startsWith("UTF-16 text, not UTF-8"));
		}

		@Test
		void theWrongFolderIsRejectedAsNothingToImportNotReportedAsSuccess() throws Exception {
			Path empty = Files.createDirectories(dir.resolve("empty"));
			Path docsOnly = Files.createDirectories(dir.resolve("docs-only"));
			write(docsOnly.resolve("README.md"), "# notes");
			write(docsOnly.resolve("make.py"), "print()");
			writeRun(dir, "helpful_only/beside", 1);

			ImportReport wrong = importPaths(empty, docsOnly);

			assertThat(wrong.status()).isEqualTo(ImportJobStatus.REJECTED);
			assertThat(wrong.rejected()).extracting(ImportReport.RejectedFile::path)
				.containsExactly(empty.toString(), docsOnly.toString());
			assertThat(wrong.rejected()).allSatisfy(r -> assertThat(r.reason()).startsWith("nothing to import here"));

			ImportReport mixed = importPaths(empty, dir.resolve("json_outputs"));

			assertThat(mixed.status()).as("the rest still imports")
				.isEqualTo(ImportJobStatus.COMPLETED_WITH_REJECTIONS);
			assertThat(mixed.transcriptsImported()).isEqualTo(2);
		}

		@Test
		void acceptsAFiveMegabyteScratchpad() {
			String big = "I weigh the request carefully. ".repeat(170_000);
			write(dir.resolve("json_outputs/helpful_only/big/train/0.json"),
					transcript(true, "long thoughts", null).replace("I should be helpful", big));

			ImportReport report = importPaths(dir.resolve("json_outputs"));

			assertThat(report.rejected()).isEmpty();
			assertThat(count("select max(length(content)) from message")).isGreaterThan(5_000_000);
		}

	}

	@Nested
	class OtherSources {

		@Test
		void jsonlLinesTakeRunAndSplitFromTheLineOrTheDefaults() {
			String line = transcript(true, "a jsonl query", null).replace("\n", " ");
			Path jsonl = write(dir.resolve("batch.jsonl"), String.join("\n", line.replaceFirst("\\{",
					"{\"run\": \"helpful_only/jsonl\", \"split\": \"train\", \"query_index\": 4, \"model\": \"placeholder-model\", "),
					line, "{not json", ""));

			ImportReport without = importPaths(jsonl);
			assertThat(without.transcriptsImported()).isEqualTo(1);
			assertThat(without.rejected()).extracting(r -> r.path().replaceAll(".*batch", "batch") + " " + r.reason())
				.anySatisfy(r -> assertThat(r).startsWith("batch.jsonl:2 cannot tell which run"))
				.anySatisfy(r -> assertThat(r).startsWith("batch.jsonl:3 invalid JSON at column"));
			assertThat(run("helpful_only/jsonl").model()).isEqualTo("placeholder-model");
			assertThat(count("""
					select count(*) from transcript t join run r on r.id = t.run_id
					where r.path = 'helpful_only/jsonl' and t.file_name = '4.json' and t.query_index = 4"""))
				.isEqualTo(1);

			ImportReport with = importWith(new ImportDefaults("helpful_only/jsonl_defaults", "deploy", null), jsonl);
			assertThat(with.transcriptsImported()).isEqualTo(1);
			assertThat(with.transcriptsUnchanged()).isEqualTo(1);
			assertThat(run("helpful_only/jsonl_defaults").deploy()).isEqualTo(1);
		}

		@Test
		void aSingleFileWithARunButNoSplitTakesTheSplitFromTheFreeTierTag() {
			Path file = write(dir.resolve("12.json"), transcript(false, "a lone file", null));

			ImportReport report = importWith(new ImportDefaults("helpful_only/lone", null, null), file);

			assertThat(report.rejected()).isEmpty();
			assertThat(run("helpful_only/lone").deploy()).isEqualTo(1);
		}

		@Test
		void everyFileRejectedIsItsOwnStatus() {
			Path file = write(dir.resolve("13.json"), "{\"messages\": [");

			ImportReport report = importWith(new ImportDefaults("helpful_only/none", "train", null), file);

			assertThat(report.status()).isEqualTo(ImportJobStatus.REJECTED);
		}

		@Test
		void documentsMapCommonKeysKeepTheRestAndAreNotAddedTwice() {
			Path array = write(dir.resolve("docs/animal_docs.json"), """
					[{"document": "A farm newsletter.", "type": "newsletter", "summary": "farm news",
					  "fact": "placeholder fact", "setting": "animal_welfare", "generation_id": 17},
					 {"title": "no text here"}]""");
			Path jsonl = write(dir.resolve("docs/helpful_docs.jsonl"),
					"""
							{"content": "A blog post.", "doc_type": "blog", "idea": "an idea", "fact": "f", "universe": "helpful_only"}
							{"text": "A memo.", "doc_type": "memo"}
							""");

			ImportReport first = importPaths(array, jsonl);
			ImportReport second = importPaths(array, jsonl);

			assertThat(first.documentsImported()).isEqualTo(3);
			assertThat(queries.files(second.jobId(), null, 0, 10).files()).extracting(ImportFiles.FileOutcome::outcome)
				.containsExactlyInAnyOrder("document_unchanged", "document_unchanged", "document_unchanged",
						"rejected");
			assertThat(first.rejected()).singleElement()
				.satisfies(r -> assertThat(r.path()).endsWith("animal_docs.json[1]"));
			assertThat(second.documentsImported()).isZero();
			assertThat(second.documentsUnchanged()).isEqualTo(3);
			Map<String, Object> doc = jdbc.sql("select * from synthetic_document where content = 'A farm newsletter.'")
				.query()
				.singleRow();
			assertThat(doc.get("doc_type")).isEqualTo("newsletter");
			assertThat(doc.get("idea")).isEqualTo("farm news");
			assertThat(doc.get("setting")).isEqualTo("animal_welfare");
			assertThat((String) doc.get("metadata_json")).isEqualTo("{\"generation_id\":17}");
		}

		@Test
		void promptFilesAreStoredOnceByHashAndLinkedToTheirVariation() {
			Path a = write(dir.resolve("prompts/prompt_default.txt"), "\uFEFFThe default placeholder prompt.");
			Path b = write(dir.resolve("prompts/prompt_default_with_examples.txt"), "The default placeholder prompt.");
			Path c = write(dir.resolve("prompts/prompt_diff_cut_examples.patch"),
					"--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n");

			ImportReport report = importPaths(a, b, c);
			ImportReport again = importPaths(a, b, c);

			assertThat(report.promptsImported()).isEqualTo(3);
			assertThat(again.promptsImported()).isZero();
			assertThat(count("select count(*) from system_prompt where content = 'The default placeholder prompt.'"))
				.isEqualTo(1);
			assertThat(jdbc.sql("select variation || ':' || kind from prompt_file order by kind")
				.query(String.class)
				.list()).containsExactly("cut_examples:diff", "default:prompt", "default:with_examples");
		}

	}

	@Nested
	class Undo {

		@Test
		void undoRemovesWhatAJobAddedAndRestoresTheEarlierVersion() {
			writeRun(dir, "helpful_only/undo", 2);
			importPaths(dir.resolve("json_outputs"));
			write(dir.resolve("json_outputs/helpful_only/undo/train/0.json"), transcript(true, "changed", null));
			write(dir.resolve("json_outputs/helpful_only/undo/deploy/9.json"), transcript(false, "added", null));
			ImportReport second = importPaths(dir.resolve("json_outputs"));
			assertThat(second.transcriptsUpdated()).isEqualTo(1);

			ImportUndo.UndoResult result = undo.undo(second.jobId());

			assertThat(result.undone()).isTrue();
			assertThat(result.transcriptsRemoved()).isEqualTo(2);
			ImportJobView undone = queries.find(second.jobId()).orElseThrow();
			assertThat(undone.status()).as("kept as a record").isEqualTo(ImportJobStatus.UNDONE);
			assertThat(undone.transcriptsImported()).isEqualTo(1);
			ImportFiles record = queries.files(second.jobId(), null, 0, 10);
			assertThat(record.total()).as("each file's outcome stays on record").isEqualTo(5);
			assertThat(record.files()).extracting(ImportFiles.FileOutcome::outcome)
				.containsExactlyInAnyOrder("updated", "imported", "unchanged", "unchanged", "unchanged");
			assertThat(record.files()).allMatch(f -> f.transcriptId() == null);
			assertThat(undo.undo(second.jobId()).blockers()).containsExactly("it was undone already");
			assertThat(run("helpful_only/undo").deploy()).isEqualTo(2);
			assertThat(count("""
					select count(*) from transcript t join run r on r.id = t.run_id
					where r.path = 'helpful_only/undo' and t.file_name = '0.json' and t.split = 'train'
					  and t.version = 1 and t.is_current""")).isEqualTo(1);
		}

		@Test
		void undoOfTheOnlyImportOfARunRemovesTheRun() {
			writeRun(dir, "helpful_only/undo_all", 1);
			ImportReport report = importPaths(dir.resolve("json_outputs"));

			undo.undo(report.jobId());

			assertThat(runs.summaries()).noneMatch(r -> r.run().equals("helpful_only/undo_all"));
		}

		@Test
		void undoIsRefusedWhileALaterImportFoundTheJobsTranscriptsUnchanged() {
			writeRun(dir, "helpful_only/relied_on", 2);
			ImportReport first = importPaths(dir.resolve("json_outputs"));
			ImportReport second = importPaths(dir.resolve("json_outputs"));

			ImportUndo.UndoResult refused = undo.undo(first.jobId());

			assertThat(refused.undone()).isFalse();
			assertThat(refused.blockers()).containsExactly("import " + second.jobId()
					+ " found 4 of its transcripts unchanged: undo import " + second.jobId() + " first");
			assertThat(undo.undo(second.jobId()).undone()).isTrue();
			assertThat(undo.undo(first.jobId()).undone()).isTrue();
			assertThat(runs.summaries()).noneMatch(r -> r.run().equals("helpful_only/relied_on"));
		}

		@Test
		void undoIsRefusedWhileSomethingDependsOnTheJob() {
			writeRun(dir, "helpful_only/vetoed", 1);
			ImportReport report = importPaths(dir.resolve("json_outputs"));
			veto.block(report.jobId(), "2 labels on helpful_only/vetoed/train/0.json");

			ImportUndo.UndoResult result = undo.undo(report.jobId());

			assertThat(result.undone()).isFalse();
			assertThat(result.blockers()).containsExactly("2 labels on helpful_only/vetoed/train/0.json");
			assertThat(run("helpful_only/vetoed").train()).isEqualTo(1);
		}

	}

	/**
	 * Stands in for the labels feature, which will veto undoing imports whose transcripts
	 * carry labels.
	 */
	@Nested
	class KilledJobs {

		long runningJob(java.time.Duration sinceLastSign) {
			java.sql.Timestamp then = java.sql.Timestamp.from(java.time.Instant.now().minus(sinceLastSign));
			jdbc.sql("""
					insert into import_job (origin, description, started_by, status, started_at, updated_at,
					  files_seen, transcripts_imported)
					values ('cli', 'killed', 'tester', 'running', ?, ?, 600, 600)""").params(then, then).update();
			return count("select max(id) from import_job");
		}

		@Test
		void aJobWhoseProcessDiedIsShownInterruptedAndCanBeUndone() {
			long killed = runningJob(ImportJobs.STALE.plusSeconds(5));

			ImportJobView job = queries.find(killed).orElseThrow();

			assertThat(job.status()).isEqualTo(ImportJobStatus.INTERRUPTED);
			assertThat(job.running()).isFalse();
			assertThat(job.error()).contains("stopped before it finished");
			assertThat(queries.list()).anyMatch(j -> j.id() == killed && j.status() == ImportJobStatus.INTERRUPTED);
			assertThat(undo.undo(killed).undone()).isTrue();
		}

		@Test
		void aJobThatStillReportsItIsAliveStaysRunning() {
			long alive = runningJob(ImportJobs.STALE.minusSeconds(30));
			jobs.heartbeat(alive);

			assertThat(queries.find(alive).orElseThrow().status()).isEqualTo(ImportJobStatus.RUNNING);
			assertThat(undo.undo(alive).blockers()).containsExactly("the job is still running");
			jdbc.sql("delete from import_job where id = ?").params(alive).update();
		}

	}

}
