package dev.voxgate.providers;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.assemblyai.AssemblyAiProviderFactory;
import dev.voxgate.providers.azure.AzureProviderFactory;
import dev.voxgate.providers.deepgram.DeepgramProviderFactory;
import dev.voxgate.providers.elevenlabs.ElevenLabsProviderFactory;
import dev.voxgate.providers.fireworks.FireworksAiProviderFactory;
import dev.voxgate.providers.gemini.GeminiProviderFactory;
import dev.voxgate.providers.groq.GroqProviderFactory;
import dev.voxgate.providers.hostedvllm.HostedVllmProviderFactory;
import dev.voxgate.providers.http.UpstreamSocketFactory;
import dev.voxgate.providers.mistral.MistralProviderFactory;
import dev.voxgate.providers.openai.OpenAiProviderFactory;
import dev.voxgate.providers.soniox.SonioxProviderFactory;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import dev.voxgate.providers.spi.SharedHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The provider factories by id, and the one way to get an adapter for a deployment. The built-ins are listed
 * explicitly, one line each: adding a vendor is its package plus one line in {@link #builtIn()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderCatalog {

    // Thousands of transcriptions may be in flight; the router and the deployments' limits bound them, not OkHttp.
    private static final int MAX_IN_FLIGHT = 4096;
    // As many idle connections as calls may be in flight: calls to a vendor finish in bursts, and a pool smaller
    // than the burst closes the surplus only for the next burst to open them again (a TCP, and for real vendors a
    // TLS, handshake per call). Idle connections cost a socket each and leave after the keep-alive.
    private static final int IDLE_CONNECTIONS = MAX_IN_FLIGHT;
    // A long recording can take minutes to transcribe; each deployment's own timeout is applied per adapter.
    private static final Duration GENEROUS = Duration.ofMinutes(10);
    // Only the whole call has a deadline. A read or write timeout as long as the call's adds nothing, yet Okio
    // enforces it by putting the socket in its watchdog's priority queue around every single read and write, under
    // one lock for the whole JVM: with 2,000 calls in flight that queue took 12% of the proxy's CPU samples.
    private static final Duration PER_READ_AND_WRITE = Duration.ZERO;

    private final SortedMap<String, ProviderFactory> factories;

    /** A catalog of {@code factories}, whose ids must be distinct. */
    public ProviderCatalog(List<ProviderFactory> factories) {
        SortedMap<String, ProviderFactory> byId = new TreeMap<>();
        for (ProviderFactory factory : List.copyOf(factories)) {
            ProviderFactory previous = byId.putIfAbsent(factory.id(), factory);
            if (previous != null) {
                throw new IllegalArgumentException("two provider factories have id '" + factory.id() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        this.factories = Collections.unmodifiableSortedMap(byId);
    }

    /** The providers Voxgate ships with. */
    public static ProviderCatalog builtIn() {
        return new ProviderCatalog(List.of(
                new OpenAiProviderFactory(),
                new AzureProviderFactory(),
                new DeepgramProviderFactory(),
                new ElevenLabsProviderFactory(),
                new GroqProviderFactory(),
                new FireworksAiProviderFactory(),
                new MistralProviderFactory(),
                new HostedVllmProviderFactory(),
                new AssemblyAiProviderFactory(),
                new SonioxProviderFactory(),
                new GeminiProviderFactory()));
    }

    /**
     * This catalog and {@code more}: how a provider that lives outside this module, such as the local engine, joins
     * the built-ins. Ids must stay distinct.
     */
    public ProviderCatalog with(ProviderFactory... more) {
        List<ProviderFactory> all = new ArrayList<>(factories.values());
        all.addAll(List.of(more));
        return new ProviderCatalog(all);
    }

    /** The known provider ids, sorted. */
    public Set<String> providerIds() {
        return factories.keySet();
    }

    public boolean supports(String providerId) {
        return factories.containsKey(providerId);
    }

    /**
     * The adapter for {@code deployment}, built once; call it for every request to that deployment.
     *
     * @throws TranscriptionException with {@code ModelNotFound} when no factory has the deployment's provider
     */
    public TranscriptionPort connect(Deployment deployment, ProviderContext context) {
        Objects.requireNonNull(deployment, "deployment");
        ProviderFactory factory = factories.get(deployment.provider());
        if (factory == null) {
            throw new TranscriptionException(new TranscriptionFailure.ModelNotFound("unknown provider '"
                    + deployment.provider() + "' for deployment '" + deployment.id() + "'; known providers: "
                    + String.join(", ", factories.keySet())));
        }
        return factory.create(deployment, context);
    }

    /**
     * What {@code deployment} can serve as its provider declares it before connecting ({@link ProviderFactory#declared});
     * {@link Capabilities#UNDECLARED} for an unknown provider.
     */
    public Capabilities declared(Deployment deployment) {
        ProviderFactory factory = factories.get(deployment.provider());
        return factory == null ? Capabilities.UNDECLARED : factory.declared(deployment);
    }

    /** The {@code litellm_params} keys {@code providerId} reads as deployment settings ({@link ProviderFactory#settings}). */
    public Set<String> settings(String providerId) {
        ProviderFactory factory = factories.get(providerId);
        return factory == null ? Set.of() : factory.settings();
    }

    /**
     * The one HTTP client to share across all adapters, configured as {@link #httpSettings()} says, its connection
     * pool split into lanes.
     */
    public static SharedHttpClient newHttpClient() {
        return SharedHttpClient.of(httpSettings(), () -> new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
    }

    /**
     * The settings of the shared client. It never retries on its own ({@code retryOnConnectionFailure(false)}): the
     * router retries, and stacked retries would multiply attempts. Nor does it follow redirects, which would carry
     * an {@code api-key} header to whatever host a redirect names.
     */
    static OkHttpClient.Builder httpSettings() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_IN_FLIGHT);
        dispatcher.setMaxRequestsPerHost(MAX_IN_FLIGHT);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .socketFactory(new UpstreamSocketFactory())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(PER_READ_AND_WRITE)
                .writeTimeout(PER_READ_AND_WRITE)
                .callTimeout(GENEROUS);
    }
}
