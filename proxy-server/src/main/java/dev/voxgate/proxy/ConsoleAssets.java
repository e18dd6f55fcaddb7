package dev.voxgate.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's files at {@code /ui}: its page, styles and ES modules, read from the jar (no CDN, nothing built at run
 * time). They are open to everyone, as a sign-in page must be; everything the console shows it reads from the API
 * routes with the key the user signs in with, under the same auth as any client.
 *
 * <p>Every answer of the console carries a Content-Security-Policy that lets the page run only the proxy's own
 * scripts and styles, talk only to the proxy, and be framed by nobody; every other answer of the proxy is marked
 * {@code no-store}, so that no browser or shared cache keeps a transcript, a key or a spend figure.
 *
 * <p>Thread-safe.
 */
final class ConsoleAssets {

    static final String PATH = "/ui";
    private static final String FOLDER = "console/";
    // Flat names only: nothing the path holds can climb out of the console's folder.
    private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
    // blob: for a recording played back and a CSV downloaded; data: for nothing but harmless images.
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    // Only files that exist are kept, so asking for made-up names fills nothing.
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** Whether {@code path} is one of the console's, open without a key. */
    static boolean isConsole(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** Headers every answer gets: the console's policy on its files, no caching of anything else. */
    static void secure(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (isConsole(ctx.path())) {
            ctx.header("Content-Security-Policy", POLICY);
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
            ctx.header("Cache-Control", "no-cache");
        } else {
            ctx.header("Cache-Control", "no-store");
        }
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> serve(ctx, "index.html"));
        routes.get(PATH + "/", ctx -> serve(ctx, "index.html"));
        routes.get(PATH + "/{asset}", ctx -> serve(ctx, ctx.pathParam("asset")));
    }

    private void serve(Context ctx, String name) {
        Matcher matcher = ASSET.matcher(name);
        Optional<byte[]> body = matcher.matches()
                ? Optional.ofNullable(loaded.get(name)).or(() -> read(name).map(bytes -> keep(name, bytes)))
                : Optional.empty();
        if (body.isEmpty()) {
            throw new RequestRejected(OpenAiError.notFound("The console has no file '" + name + "'; it starts at "
                    + PATH + "."));
        }
        ctx.contentType(TYPES.get(matcher.group(1))).result(body.get());
    }

    private byte[] keep(String name, byte[] bytes) {
        loaded.put(name, bytes);
        return bytes;
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the console's " + name, e);
        }
    }
}
