package org.scratchpadlens.ingest.parse;

/**
 * One automated metric as found in a transcript file. {@code raw} is the value exactly as
 * written (JSON text); {@code type} is {@code boolean}, {@code number}, {@code text} or
 * {@code missing} (JSON null or "FAILED TO PARSE").
 */
public record MetricValue(String name, String type, Boolean bool, Double number, String text, String raw) {

	public static final String FAILED_TO_PARSE = "FAILED TO PARSE";

}
