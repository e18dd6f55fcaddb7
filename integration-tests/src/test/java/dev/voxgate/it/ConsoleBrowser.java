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
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
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
 * events in chromedriver's performance log). While a modal dialog is open only what is in it is found, as a screen
 * reader finds only that. Downloads land in a directory of their own. Where chromium or chromedriver is missing the
 * test is skipped ({@link InstalledProgram}).
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String FIELDS = "input, select, textarea";

    private final Path profile;
    private final Path downloads;
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
        downloads = Files.createDirectory(profile.resolve("downloads"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
        // As a user who allowed the page its clipboard, so that a test can read what a copy button put there.
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite",
                "clipboardSanitizedWrite")));
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

    /** The open dialog whose accessible name is {@code name}. */
    WebElement dialog(String name) {
        return named("dialog", name, "dialog");
    }

    /** The accessible names of the visible images (the charts), in page order. */
    List<String> images() {
        return visible("[role=img]").stream().map(WebElement::getAccessibleName).toList();
    }

    /** The page as it is now, every text in it. */
    String html() {
        return driver.getPageSource();
    }

    /** A file the page had the browser download: its name and its text. */
    record Download(String name, String text) {
    }

    /** The one file downloaded so far, once the browser has finished writing it. */
    Download downloaded(String what) {
        Path file = await(what + " downloaded", () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.toList();
                return all.stream().noneMatch(path -> path.toString().endsWith(".crdownload")) && all.size() == 1
                        ? Optional.of(all.get(0)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return new Download(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first visible alert or status message that has any, once one does. */
    String message() {
        return await("an alert or status message", () -> visible("[role=alert], [role=status]").stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst());
    }

    /** Waits until a visible alert or status message says {@code text}, as one does once the page has done something. */
    void says(String text) {
        await("the message '" + text + "'", () -> visible("[role=alert], [role=status]").stream()
                .map(WebElement::getText).filter(text::equals).findFirst());
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
        // From the top left, whatever a click scrolled into view.
        driver.executeScript("window.scrollTo(0, 0);"
                + "for (const element of document.querySelectorAll('*')) element.scrollLeft = 0;");
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
        List<WebElement> dialogs = driver.findElements(By.cssSelector("dialog[open]"));
        SearchContext scope = dialogs.isEmpty() || css.equals("dialog") ? driver : dialogs.get(dialogs.size() - 1);
        return scope.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
    }
}
