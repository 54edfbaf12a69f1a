package org.scratchpadlens.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's chromium and chromedriver: with CI=true their absence
 * fails, else it skips.
 */
public class BrowserAvailable implements BeforeAllCallback {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
				: !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
		if (missing == null) {
			return;
		}
		String message = missing + " is missing: install Debian's chromium and chromium-driver (see .ci/run)";
		if (TestDatabase.inCi()) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort("Skipped: " + message);
	}

}
