package org.scratchpadlens.support;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Checks on what Chromium renders, through the DevTools protocol: a phone's viewport, the
 * Content-Security-Policy violations a page caused, and whether it scrolls sideways.
 */
public final class PageChecks {

	private PageChecks() {
	}

	/**
	 * Renders as a phone of this width does (viewport meta tag honoured), until
	 * {@link #desktop}.
	 */
	public static void phone(WebDriver driver, int width, int height) {
		cdp(driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
	}

	public static void desktop(WebDriver driver) {
		cdp(driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/**
	 * From now on every page records the Content-Security-Policy violations it causes
	 * (the recorder runs before the page's own scripts, and is not subject to the
	 * policy).
	 */
	public static void recordPolicyViolations(WebDriver driver) {
		cdp(driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__policyViolations = [];
				document.addEventListener('securitypolicyviolation', function (e) {
				  window.__policyViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
				      + ' at ' + e.sourceFile + ':' + e.lineNumber);
				});"""));
	}

	/** The violations the current page recorded so far. */
	@SuppressWarnings("unchecked")
	public static List<String> policyViolations(WebDriver driver) {
		Object found = ((JavascriptExecutor) driver).executeScript("return window.__policyViolations || null");
		if (found == null) {
			throw new IllegalStateException("call recordPolicyViolations before opening the page");
		}
		return (List<String>) found;
	}

	/**
	 * How many CSS pixels the page is wider than its viewport (0 when it does not scroll
	 * sideways).
	 */
	public static long sidewaysOverflow(WebDriver driver) {
		Object px = ((JavascriptExecutor) driver)
			.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
					+ " - document.documentElement.clientWidth");
		return ((Number) px).longValue();
	}

	/** The elements that reach past the right edge of the viewport, for a message. */
	@SuppressWarnings("unchecked")
	public static List<String> widerThanTheViewport(WebDriver driver) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"""
						const width = document.documentElement.clientWidth;
						return Array.from(document.querySelectorAll('body *'))
						  .filter(e => e.getBoundingClientRect().right > width + 0.5)
						  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
						      + (e.name ? '[name=' + e.name + ']' : '') + ' right=' + Math.round(e.getBoundingClientRect().right));""");
	}

	private static HasCdp cdp(WebDriver driver) {
		return (HasCdp) driver;
	}

}
