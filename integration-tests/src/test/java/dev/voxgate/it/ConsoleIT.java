package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.get;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console at {@code /ui} in real headless Chromium against the real proxy on loopback, with loopback fakes as
 * vendors: it finds everything by role and accessible name, and checks after each test that no request of the page
 * left the proxy's origin. Screenshots of each page land in {@code target/console-screenshots}.
 */
class ConsoleIT {

    private static final String MASTER_KEY = "sk-master-Console-7Hq3";
    private static final String VENDOR_KEY = "sk-proj-Console-Vendor-2Wd5";
    private static final String FLAKY_KEY = "sk-proj-Console-Flaky-9Lr1";
    private static final String TRANSCRIPT = "Four score and seven years ago";

    private final FakeSpeechVendor vendor = FakeSpeechVendor.openAi(VENDOR_KEY, TRANSCRIPT);
    private final FakeSpeechVendor flaky = FakeSpeechVendor.openAi(FLAKY_KEY, "flaky transcript");
    private RunningProxy proxy;
    private ConsoleBrowser browser;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path config = TestFiles.config(dir, "console.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: os.environ/VENDOR_KEY, api_base: "%s",
                                     input_cost_per_second: 0.0001}
                    model_info: {id: whisper-primary}
                  - model_name: flaky
                    litellm_params: {model: whisper-1, api_key: os.environ/FLAKY_KEY, api_base: "%s", rpm: 100}
                    model_info: {id: flaky-openai}
                  - model_name: limited
                    litellm_params: {model: whisper-1, api_key: os.environ/VENDOR_KEY, api_base: "%s", rpm: 1}
                    model_info: {id: limited-openai}
                router_settings: {num_retries: 0, allowed_fails: 0, cooldown_time: 60}
                general_settings: {master_key: os.environ/LITELLM_MASTER_KEY}
                """.formatted(vendor.baseUrl(), flaky.baseUrl(), vendor.baseUrl()));
        proxy = RunningProxy.start(config, Map.of("VENDOR_KEY", VENDOR_KEY, "FLAKY_KEY", FLAKY_KEY,
                "LITELLM_MASTER_KEY", MASTER_KEY));
        browser = new ConsoleBrowser();
        browser.open(proxy.baseUrl() + "/ui");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                assertThat(browser.requestedBy(proxy.baseUrl())).as("every request the console made").isNotEmpty()
                        // data: and blob: never leave the browser (Chromium's own date-picker icon is a data: URL).
                        .allSatisfy(url -> assertThat(url).matches(Pattern.quote(proxy.baseUrl()) + "/.*|data:.*|blob:.*"));
                browser.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            vendor.close();
            flaky.close();
        }
    }

    @Test
    void aWrongKeyIsRefusedOnTheSignInPage() throws Exception {
        browser.field("API key").sendKeys("sk-not-the-master-key");
        browser.button("Sign in").click();

        assertThat(browser.message()).startsWith("The proxy refused that key: Invalid API key");
        assertThat(browser.field("API key").isDisplayed()).isTrue();
        assertThat(browser.sessionStorage()).isEqualTo("0 []");
        browser.screenshot("sign-in-refused");
    }

    @Test
    void thePlaygroundTranscribesTheClipAndSaysWhichDeploymentAnsweredAndWhatItCost() throws Exception {
        signIn();
        browser.field("Audio file").sendKeys(Examples.audio().toString());
        browser.choose("Model group", "whisper");
        browser.choose("Response format", "verbose_json");
        browser.field("Language").sendKeys("en");
        browser.button("Transcribe").click();

        WebElement transcript = browser.region("Transcript");
        browser.await("the transcript", () -> Optional.of(transcript.getText()).filter(t -> t.contains(TRANSCRIPT)));
        Map<String, String> answered = answered();
        assertThat(answered).containsEntry("Deployment", "whisper-primary").containsEntry("Model group", "whisper")
                .containsEntry("Retries", "0").containsEntry("Fallbacks", "0");
        assertThat(answered.get("Latency")).matches("\\d+ ms in the proxy, \\d+ ms round trip");
        // The clip is 5.92 s at 0.0001 USD a second, as CostIT has it.
        assertThat(answered.get("Cost")).isEqualTo("$0.000592");
        assertThat(browser.region("Transcript").getText()).contains(TRANSCRIPT);
        assertThat(vendor.seen()).singleElement().satisfies(seen ->
                assertThat(seen.fields()).containsEntry("language", List.of("en")));
        assertThat(subtitles()).containsExactly("00:00.00 – 00:05.92 " + TRANSCRIPT);
        browser.screenshot("playground");
    }

    @Test
    void theDeploymentsPageShowsEachDeploymentServingRestingAfterItFailedOrAtItsLimit() throws Exception {
        awaitMinuteWithTimeLeft();
        signIn();
        browser.link("Deployments").click();
        WebElement table = browser.table("Deployments");
        browser.await("flaky-openai serving", () -> state(table, "flaky-openai").filter("serving"::equals));

        // The page reads the router again by itself: what happens now shows without a reload.
        flaky.failWith(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        assertThat(transcribe("flaky")).isEqualTo(502);
        assertThat(transcribe("limited")).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(transcribe("whisper")).isEqualTo(200);
        }

        // One reading of the table once it shows all of that, read again whole if a refresh redraws it meanwhile.
        Map<String, List<String>> shown = browser.await("flaky-openai resting and whisper-primary's three answers",
                () -> Optional.of(rows(table)).filter(rows -> rows.get("flaky-openai").get(0).startsWith("resting")
                        && rows.get("whisper-primary").stream().anyMatch(cell -> cell.startsWith("Latency of its "
                        + "last 3 answers"))));
        assertThat(shown.get("flaky-openai")).first(STRING).startsWith("resting until").endsWith("after server_error");
        assertThat(shown.get("flaky-openai")).contains("Error rate this minute: 1 of 1 attempts failed (100%)");
        assertThat(shown.get("whisper-primary")).startsWith("serving")
                .contains("Error rate this minute: 0 of 3 attempts failed (0%)");
        assertThat(shown.get("limited-openai")).first(STRING).isEqualTo("at its limit: has used its rpm of 1");
        assertThat(row(table, "flaky-openai").orElseThrow().getText()).contains("openai").contains("transcriptions");
        browser.screenshot("deployments");
    }

    @Test
    void aRecordingFromTheMicrophoneIsTranscribed() throws Exception {
        signIn();
        browser.button("Record from microphone").click();
        browser.button("Stop recording");
        PrometheusServer.pause();
        browser.button("Stop recording").click();
        assertThat(browser.message()).startsWith("Recorded ");

        browser.button("Transcribe").click();

        WebElement transcript = browser.region("Transcript");
        browser.await("the transcript", () -> Optional.of(transcript.getText()).filter(t -> t.contains(TRANSCRIPT)));
        assertThat(vendor.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.filename()).startsWith("recording.");
            assertThat(seen.fileBytes()).isNotEmpty();
        });
    }

    @Test
    void aRouteThatNeedsADatabaseIsSaidToNeedOne() {
        signIn();
        // The answer issue 18's routes give without a database, run through the page's own explanation.
        Object said = browser.run("""
                const api = await import('/ui/api.js');
                return [api.explain(new api.ApiError(503, 'No database is configured: set DATABASE_URL'), 'Spend'),
                        api.explain(new api.ApiError(503, 'Redis is away'), 'Spend'),
                        api.explain(new api.ApiError(401, 'Invalid API key.'), 'Spend')];
                """);

        assertThat(said).asList().containsExactly(
                "Spend needs a database, and this proxy has none configured: No database is configured: set "
                        + "DATABASE_URL", "Redis is away", "Invalid API key.");
    }

    @Test
    void signingOutForgetsTheKey() throws Exception {
        signIn();
        assertThat(browser.sessionStorage()).startsWith("1 ").contains(MASTER_KEY);

        browser.button("Sign out").click();

        browser.field("API key");
        assertThat(browser.sessionStorage()).isEqualTo("0 []");
        browser.open(proxy.baseUrl() + "/ui/#deployments");
        assertThat(browser.field("API key").isDisplayed()).isTrue();
        assertThat(browser.button("Sign in").isDisplayed()).isTrue();
    }

    @Test
    void theSpendAndKeysPagesSayWhatTheProxyAnswered() throws Exception {
        signIn();
        browser.link("Spend").click();
        assertThat(browser.message()).startsWith("This proxy does not serve spend: Unknown route GET /spend/logs");
        browser.screenshot("spend");

        browser.link("Keys").click();
        assertThat(browser.message()).startsWith("This proxy does not serve keys and teams: Unknown route GET "
                + "/key/list");
        browser.screenshot("keys");
    }

    @Test
    void theConsoleIsOpenWithItsPolicyAndTheApiIsNeitherOpenNorKept() {
        ProxyClients.Answer page = get(proxy, "/ui", null);
        ProxyClients.Answer script = get(proxy, "/ui/main.js", null);
        ProxyClients.Answer models = get(proxy, "/v1/models", MASTER_KEY);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(models.header("Cache-Control")).isEqualTo("no-store");
        assertThat(get(proxy, "/model/info", null).status()).isEqualTo(401);
        assertThat(get(proxy, "/model/info", null).header("Cache-Control")).isEqualTo("no-store");
        assertThat(get(proxy, "/ui/..%2Fconsole%2Fmain.js", null).status()).isEqualTo(404);
        assertThat(get(proxy, "/ui/no-such-file.js", null).status()).isEqualTo(404);
    }

    private void signIn() {
        browser.field("API key").sendKeys(MASTER_KEY);
        browser.button("Sign in").click();
        browser.region("Transcript");
    }

    private Map<String, String> answered() {
        WebElement list = browser.list("How it was answered");
        browser.await("the routing details", () -> Optional.of(list.getText()).filter(text -> !text.isBlank()));
        List<WebElement> names = list.findElements(By.tagName("dt"));
        List<WebElement> values = list.findElements(By.tagName("dd"));
        Map<String, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            shown.put(names.get(i).getText(), values.get(i).getText());
        }
        return shown;
    }

    private List<String> subtitles() {
        return browser.list("Subtitles").findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
    }

    private int transcribe(String group) {
        return postTranscription(proxy, "/v1/audio/transcriptions", "Bearer " + MASTER_KEY, Examples.audio(),
                fields("model", group)).status();
    }

    // Counts of this minute start again at the next: a test that reads them must not straddle one.
    private static void awaitMinuteWithTimeLeft() throws InterruptedException {
        int second = LocalTime.now(ZoneOffset.UTC).getSecond();
        if (second > 40) {
            Thread.sleep((61 - second) * 1000L);
        }
    }

    // Each deployment's state, then the accessible names of its charts.
    private static Map<String, List<String>> rows(WebElement table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            List<String> cells = new ArrayList<>();
            cells.add(row.findElement(By.cssSelector("td.state")).getText());
            row.findElements(By.cssSelector("[role=img]")).forEach(chart -> cells.add(chart.getAccessibleName()));
            rows.put(row.findElement(By.tagName("th")).getText(), cells);
        }
        return rows;
    }

    private static Optional<String> state(WebElement table, String deployment) {
        return row(table, deployment).map(row -> row.findElement(By.cssSelector("td.state")).getText());
    }

    private static Optional<WebElement> row(WebElement table, String deployment) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(deployment)).findFirst();
    }
}
