package org.scratchpadlens.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * System prompts as the pages and the API show them: the catalogue, one prompt, a diff.
 */
@Service
class PromptBrowser {

	private final PromptQueries prompts;

	PromptBrowser(PromptQueries prompts) {
		this.prompts = prompts;
	}

	PromptCatalog catalog() {
		List<PromptFileRef> files = prompts.files();
		List<PromptRunUse> uses = prompts.uses();
		List<PromptSummary> summaries = prompts.prompts()
			.stream()
			.map(p -> new PromptSummary(p.id(), p.sha256(), p.chars(), p.beginning(),
					files.stream().filter(f -> f.promptId() == p.id()).toList(),
					uses.stream().filter(u -> u.promptId() == p.id()).toList()))
			.toList();
		Map<String, List<PromptFileRef>> byVariation = new LinkedHashMap<>();
		files.forEach(f -> byVariation.computeIfAbsent(f.variation(), v -> new ArrayList<>()).add(f));
		Map<Long, PromptCatalog.Run> byRun = new LinkedHashMap<>();
		for (PromptRunUse u : uses) {
			byRun
				.computeIfAbsent(u.runId(),
						id -> new PromptCatalog.Run(id, u.run(), u.variation(), u.sample(), new ArrayList<>()))
				.prompts()
				.add(new PromptCatalog.Use(u.promptId(), u.transcripts()));
		}
		return new PromptCatalog(summaries,
				byVariation.entrySet()
					.stream()
					.map(e -> new PromptCatalog.Variation(e.getKey(), List.copyOf(e.getValue())))
					.toList(),
				byRun.values()
					.stream()
					.map(r -> new PromptCatalog.Run(r.runId(), r.run(), r.variation(), r.sample(),
							List.copyOf(r.prompts())))
					.toList());
	}

	PromptDetail prompt(long id) {
		PromptQueries.Text text = prompts.text(id)
			.orElseThrow(() -> new NotFoundException("There is no system prompt " + id + "."));
		List<PromptFileRef> files = prompts.files(id);
		boolean patch = !files.isEmpty() && files.stream().allMatch(f -> "diff".equals(f.kind()));
		return new PromptDetail(id, text.sha256(), text.content().length(), UnifiedDiff.lines(text.content()).size(),
				patch, text.content(), files, prompts.uses(id));
	}

	PromptDiff diff(long a, long b) {
		PromptDetail first = prompt(a);
		PromptDetail second = prompt(b);
		String nameA = "a/" + first.fileName();
		String nameB = "b/" + second.fileName();
		UnifiedDiff.Result result = UnifiedDiff.diff(nameA, first.content(), nameB, second.content());
		return new PromptDiff(new PromptDiff.Side(a, nameA, first.chars()),
				new PromptDiff.Side(b, nameB, second.chars()), result.hunks().isEmpty(), UnifiedDiff.CONTEXT,
				result.unified(), result.hunks());
	}

}
