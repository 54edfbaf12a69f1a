package org.scratchpadlens.transcript.list;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Addresses of the list with its parameters, form-encoded as a browser's GET form would
 * send them (a {@code +} in a search stays a plus, a space becomes {@code +}).
 */
final class QueryString {

	private QueryString() {
	}

	static String of(MultiValueMap<String, String> parameters) {
		StringJoiner joined = new StringJoiner("&");
		parameters.forEach((name, values) -> values.forEach(v -> joined.add(encode(name) + "=" + encode(v))));
		return joined.toString();
	}

	static String href(String path, MultiValueMap<String, String> parameters) {
		String query = of(parameters);
		return query.isEmpty() ? path : path + "?" + query;
	}

	/** A copy with one parameter set to these values (none: removed). */
	static MultiValueMap<String, String> with(MultiValueMap<String, String> parameters, String name,
			List<String> values) {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
		for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
			copy.put(e.getKey(), new java.util.ArrayList<>(e.getValue()));
		}
		if (values.isEmpty()) {
			copy.remove(name);
		}
		else {
			copy.put(name, new java.util.ArrayList<>(values));
		}
		return copy;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
