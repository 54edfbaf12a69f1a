package org.scratchpadlens.transcript.dashboard;

import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard page calls to print numbers and to link each one to the transcript
 * list filtered to the transcripts behind it
 * ({@code /transcripts?run=&split=&metric.<name>=true|false|missing}). The links are
 * complete here (with the context path) and printed with {@code th:href="${...}"}, not
 * {@code @{...}}: a link expression passes every URL through the resource URL encoding
 * filter, which looks each one up among the static resources, and the page has a few
 * hundred links.
 */
public final class DashboardFormat {

	private final String contextPath;

	DashboardFormat(String contextPath) {
		this.contextPath = contextPath == null ? "" : contextPath;
	}

	/** A fraction as a percentage with one decimal: 0.06977 gives "7.0". */
	public String pct(Double fraction) {
		return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f", 100 * fraction);
	}

	/** A difference of fractions in signed percentage points: "+7.0". */
	public String points(double fraction) {
		return String.format(Locale.ROOT, "%+.1f", 100 * fraction);
	}

	public String count(Number n) {
		if (n instanceof Double d) {
			return String.format(Locale.ROOT, "%,.1f", d);
		}
		return String.format(Locale.ROOT, "%,d", n.longValue());
	}

	/** The list of a run's split. */
	public String list(String run, String split) {
		return contextPath + builder(run, split).build().encode().toUriString();
	}

	/** The list of a run's split where metric has the value true, false or missing. */
	public String list(String run, String split, String metric, String value) {
		return contextPath + builder(run, split).queryParam("metric." + metric, value).build().encode().toUriString();
	}

	/** The list where two metrics have the given values. */
	public String list(String run, String split, String metric, String value, String metric2, String value2) {
		return contextPath + builder(run, split).queryParam("metric." + metric, value)
			.queryParam("metric." + metric2, value2)
			.build()
			.encode()
			.toUriString();
	}

	private static UriComponentsBuilder builder(String run, String split) {
		return UriComponentsBuilder.fromPath("/transcripts").queryParam("run", run).queryParam("split", split);
	}

}
