package dev.voxgate.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through its chromedriver, finding what it needs by role and accessible name as a
 * screen reader would (Chromium computes both), and keeping every URL the page asked for (from the DevTools network
 * events in chromedriver's performance log). Where chromium or chromedriver is missing the test is skipped
 * ({@link InstalledProgram}).
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String FIELDS = "input, select, textarea";

    private final Path profile;
    private final ChromeDriver driver;
    private final List<String> requested = new ArrayList<>();

    ConsoleBrowser() throws IOException {
        Path chromium = InstalledProgram.find("chromium", "chromium");
        Path chromedriver = InstalledProgram.find("chromedriver", "chromium-driver");
        profile = Files.createTempDirectory("voxgate-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
        // Without the background-networking flags Chromium calls Google's hosts, which this machine refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile,
                // A microphone that plays a tone, allowed without asking, for the playground's recording.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    /** The form control whose label is {@code name}. */
    WebElement field(String name) {
        return named(FIELDS, name);
    }

    /** Chooses the option shown as {@code option} in the select labelled {@code name}. */
    void choose(String name, String option) {
        WebElement select = field(name);
        await("option '" + option + "' in " + name, () -> select.findElements(By.tagName("option")).stream()
                .filter(candidate -> candidate.getText().equals(option)).findFirst()).click();
    }

    /** The list (ul, ol or dl) whose accessible name is {@code name}. */
    WebElement list(String name) {
        return named("ul, ol, dl", name);
    }

    WebElement button(String name) {
        return named("button", name);
    }

    WebElement link(String name) {
        return named("a", name);
    }

    /** The landmark region whose accessible name is {@code name}. */
    WebElement region(String name) {
        return named("[role=region], section", name, "region");
    }

    WebElement table(String name) {
        return named("table", name, "table");
    }

    /** The text of the first visible alert or status message that has any, once one does. */
    String message() {
        return await("an alert or status message", () -> visible("[role=alert], [role=status]").stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst());
    }

    /** Waits until {@code probe} gives something, and returns it. */
    <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (StaleElementReferenceException redrawn) {
                // the page replaced it while we looked: look again
            }
            if (System.nanoTime() > deadline) {
                return fail("the console never showed " + what + " within " + PATIENCE.toSeconds() + " s; it showed:\n"
                        + driver.findElement(By.tagName("body")).getText());
            }
            PrometheusServer.pause();
        }
    }

    /** What {@code script} (an async function's body, in the page) returns. */
    Object run(String script) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => {" + script + "})().then(done, error => done('threw ' + error));");
    }

    /** What the page's script reads from {@code sessionStorage}, as its {@code length} and contents. */
    String sessionStorage() {
        return String.valueOf(driver.executeScript(
                "return sessionStorage.length + ' ' + JSON.stringify(Object.entries(sessionStorage))"));
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "console-screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Every URL that a page from {@code origin} asked for so far: its own loads, its scripts' calls, its images. The
     * browser's own pages (the new tab page's chrome:// resources) are not the console's and are left out.
     */
    List<String> requestedBy(String origin) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).get("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")
                        && message.at("/params/documentURL").asText().startsWith(origin + "/")) {
                    requested.add(message.at("/params/request/url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requested);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }

    private WebElement named(String css, String name) {
        return named(css, name, null);
    }

    private WebElement named(String css, String name, String role) {
        return await("a visible " + css + " named '" + name + "'", () -> visible(css).stream()
                .filter(element -> element.getAccessibleName().equals(name))
                .filter(element -> role == null || element.getAriaRole().equals(role)).findFirst());
    }

    private List<WebElement> visible(String css) {
        return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
    }
}
