package org.scratchpadlens.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.scratchpadlens.ingest.source.PathRules.Location;
import org.scratchpadlens.ingest.source.PathRules.PromptName;

class PathRulesTests {

	static List<String> segments(String path) {
		return List.of(path.split("/"));
	}

	@Nested
	class Locate {

		// rootIndex is the folder the user named; inside json_outputs it does not matter.
		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						# path                                                                          | rootIndex | run                                   | split  | file
						json_outputs/helpful_only_post_rl/train/3.json                                  | 0         | helpful_only_post_rl                  | train  | 3.json
						data_for_alignment_faking/json_outputs/animal_welfare/default/deploy/12.json    | 0         | animal_welfare/default                | deploy | 12.json
						home/me/data_for_alignment_faking/json_outputs/animal_welfare_post_rl/train/0.json | 1      | animal_welfare_post_rl                | train  | 0.json
						json_outputs/synthetic_documents_helpful_only_post_rl/deploy/171.json           | 0         | synthetic_documents_helpful_only_post_rl | deploy | 171.json
						json_outputs/helpful_only_post_rl/train/sub/3.json                              | 0         | helpful_only_post_rl                  | train  | sub/3.json
						""")
		void insideJsonOutputsTheRunIsEverythingBetweenItAndTheSplit(String path, int rootIndex, String run,
				String split, String file) {
			assertThat(PathRules.locate(segments(path), rootIndex)).isEqualTo(new Location(run, split, file));
		}

		// Outside json_outputs the run starts at the first folder naming a setting, from
		// the one the user named (rootIndex) down, so a folder of runs and a run in it
		// give
		// the same identity; failing that at the folder the user named, or at the split's
		// parent when the user named the split folder itself.
		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				# path                                            | rootIndex | run                        | split
				tmp/import/helpful_only_post_rl/train/3.json      | 2         | helpful_only_post_rl       | train
				tmp/import/helpful_only_post_rl/train/3.json      | 1         | helpful_only_post_rl       | train
				tmp/import/helpful_only_post_rl/train/3.json      | 0         | helpful_only_post_rl       | train
				tmp/import/animal_welfare/default/deploy/3.json   | 2         | animal_welfare/default     | deploy
				tmp/import/animal_welfare/default/deploy/3.json   | 1         | animal_welfare/default     | deploy
				tmp/import/helpful_only_post_rl/train/3.json      | 3         | helpful_only_post_rl       | train
				tmp/import/helpful_only_post_rl/train/3.json      | 4         | helpful_only_post_rl       | train
				helpful_only_post_rl/train/3.json                 | 0         | helpful_only_post_rl       | train
				loose/helpful_only_post_rl/train/3.json           | 0         | helpful_only_post_rl       | train
				tmp/import/my_experiment/v2/train/3.json          | 2         | my_experiment/v2           | train
				tmp/import/my_experiment/v2/train/3.json          | 1         | import/my_experiment/v2    | train
				""")
		void outsideJsonOutputsTheRunIsTakenFromTheImportRoot(String path, int rootIndex, String run, String split) {
			Location loc = PathRules.locate(segments(path), rootIndex);
			assertThat(loc.run()).isEqualTo(run);
			assertThat(loc.split()).isEqualTo(split);
			assertThat(loc.fileName()).isEqualTo("3.json");
		}

		// A zip of one run's folder holds train/3.json at its top: the path names no run,
		// the import must.
		@Test
		void splitAtTheTopOfAnArchiveHasNoRun() {
			assertThat(PathRules.locate(segments("train/3.json"), 0)).isEqualTo(new Location(null, "train", "3.json"));
		}

		@Test
		void fileWithNoSplitFolderHasNeitherRunNorSplit() {
			assertThat(PathRules.locate(segments("json_outputs/helpful_only_post_rl/3.json"), 0))
				.isEqualTo(new Location(null, null, "3.json"));
		}

		// The nearest train/deploy wins: a run may have "train" in a folder name without
		// being a split.
		@Test
		void nearestSplitFolderWins() {
			assertThat(PathRules.locate(segments("json_outputs/train_only/deploy/train/5.json"), 0))
				.isEqualTo(new Location("train_only/deploy", "train", "5.json"));
		}

		// A file called "train" is a file, not a split folder.
		@Test
		void fileNamedLikeASplitIsNotASplit() {
			assertThat(PathRules.locate(segments("json_outputs/run/train"), 0))
				.isEqualTo(new Location(null, null, "train"));
		}

	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# file name      | query index
			12.json          | 12
			0.json           | 0
			007.json         | 7
			12.JSON          | 12
			x.json           |
			12.json.bak      |
			12.txt           |
			-1.json          |
			1.5.json         |
			sub/3.json       |
			12345678901.json |
			""")
	void queryIndexIsTheNumberOfANumberedJsonFile(String fileName, Integer expected) {
		assertThat(PathRules.queryIndex(fileName)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# run                                        | variation | setting
			helpful_only_post_rl                         |           | helpful_only
			animal_welfare/default                       | default   | animal_welfare
			animal_welfare_post_rl                       |           | animal_welfare
			synthetic_documents_helpful_only_post_rl     |           | helpful_only
			helpful_only_post_rl_variations/cut_examples | cut_examples | helpful_only
			Helpful_Only/x/y                             | y         | helpful_only
			misconception/default                        | default   | unknown
			""")
	void variationIsTheLastSegmentAndSettingIsNamedInThePath(String run, String variation, String setting) {
		assertThat(PathRules.variation(run)).isEqualTo(variation);
		assertThat(PathRules.setting(run)).isEqualTo(setting);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# file name                              | variation         | kind
			prompt_default.txt                       | default           | prompt
			prompt_default_with_examples.txt         | default           | with_examples
			prompt_diff_cut_examples.patch           | cut_examples      | diff
			prompt_cut_examples_with_examples.txt    | cut_examples      | with_examples
			prompt_atn_honly.txt                     | atn_honly         | prompt
			prompt_x.patch                           |                   |
			prompt_diff_x.txt                        |                   |
			prompt_.txt                              |                   |
			notes.txt                                |                   |
			prompt_default.md                        |                   |
			my_prompt_default.txt                    |                   |
			""")
	void promptNameReadsTheThreePromptFileShapes(String fileName, String variation, String kind) {
		PromptName name = PathRules.promptName(fileName);
		if (variation == null) {
			assertThat(name).isNull();
		}
		else {
			assertThat(name).isEqualTo(new PromptName(variation, kind));
		}
	}

}
