package org.scratchpadlens.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with the flags this machine needs and
 * screenshots on demand.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final String base;

	public Browser(int port) {
		System.setProperty("webdriver.chrome.driver", BrowserAvailable.DRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailable.CHROMIUM.toFile());
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailable.DRIVER.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		// clicks return before the next page loads: lookups wait for their element
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		this.base = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void logIn(String username, String password) {
		open("/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		WebElement form = driver.findElement(By.cssSelector("main form"));
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		// a click returns before the next page has loaded: wait until the login form is
		// gone, or tests race the redirect and read the login page
		waitUpTo(Duration.ofSeconds(15)).until(gone(form));
	}

	/**
	 * True once the element has left the page. Selenium's {@code stalenessOf} throws when
	 * Chromium, in the middle of replacing the document, answers "Node with given id does
	 * not belong to the document" instead of a stale reference: that too means gone.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	public WebDriverWait waitUpTo(Duration d) {
		return new WebDriverWait(driver, d);
	}

	/**
	 * Saves a PNG under target/screenshots (and returns its path) so a person can look at
	 * what the test saw.
	 */
	public Path screenshot(String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Path file = dir.resolve(name + ".png");
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
