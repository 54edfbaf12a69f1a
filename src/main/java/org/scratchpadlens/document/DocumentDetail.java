package org.scratchpadlens.document;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

/**
 * One synthetic document whole: its labels, full text, the keys the importer kept as
 * metadata, and where it came from.
 */
public record DocumentDetail(long id, String sha256, String setting, String type, String fact, String idea,
		String content, int chars, JsonNode metadata, String sourcePath, int sourceIndex, long importJobId,
		Instant importedAt) {

	/** A metadata key and its value as text (JSON for anything but a string). */
	public record Entry(String key, String value) {
	}

	/**
	 * Where in its file: the importer numbers JSONL lines from 1 ({@code file.jsonl:3})
	 * and array elements from 0 ({@code file.json[2]}).
	 */
	@JsonIgnore
	public String position() {
		if (sourcePath.endsWith(":" + sourceIndex)) {
			return "line " + sourceIndex;
		}
		if (sourcePath.endsWith("[" + sourceIndex + "]")) {
			return "element " + sourceIndex + " of the array (counting from 0)";
		}
		return "index " + sourceIndex;
	}

	@JsonIgnore
	public List<Entry> metadataEntries() {
		if (metadata == null) {
			return List.of();
		}
		if (!metadata.isObject()) {
			return List.of(new Entry("(value)", metadata.toPrettyString()));
		}
		return metadata.properties()
			.stream()
			.map(e -> new Entry(e.getKey(),
					e.getValue().isString() ? e.getValue().asString() : e.getValue().toPrettyString()))
			.toList();
	}

}
