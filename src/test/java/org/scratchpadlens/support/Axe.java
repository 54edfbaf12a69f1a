package org.scratchpadlens.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core (the npm package, installed by {@code npm ci} at the
 * project root), injected into the page Chromium shows. With CI=true a missing package
 * fails the test, else it skips.
 */
public final class Axe {

	static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

	private static String source;

	private Axe() {
	}

	/**
	 * The serious and critical violations on the current page, one line each (rule,
	 * impact, the first offending elements), empty when there are none.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(script());
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object found = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
				        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))),
				  e => done(['axe failed: ' + e]));""");
		return (List<String>) found;
	}

	private static synchronized String script() {
		if (source == null) {
			if (!Files.isReadable(SCRIPT)) {
				String message = SCRIPT.toAbsolutePath() + " is missing: run `npm ci` at the project root";
				if (TestDatabase.inCi()) {
					throw new IllegalStateException(message);
				}
				Assumptions.abort("Skipped: " + message);
			}
			try {
				source = Files.readString(SCRIPT);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return source;
	}

}
