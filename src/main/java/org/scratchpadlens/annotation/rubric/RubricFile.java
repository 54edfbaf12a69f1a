package org.scratchpadlens.annotation.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The rubric as the repository holds it: src/main/resources/rubric/rubric.json, packed
 * into the jar.
 */
final class RubricFile {

	static final String PATH = "rubric/rubric.json";

	private RubricFile() {
	}

	static String read() {
		try (InputStream in = new ClassPathResource(PATH).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The rubric file " + PATH + " cannot be read", e);
		}
	}

}
