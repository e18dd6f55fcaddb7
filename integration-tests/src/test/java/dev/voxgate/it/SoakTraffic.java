package dev.voxgate.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * The soak run's traffic: weighted kinds of request, each with the statuses it may be answered with. Good requests
 * must succeed whatever the faulty deployments do; bad ones get their own refusal; requests to groups with nothing
 * healthy get the fault's status, or 429 once the deployment rests.
 */
final class SoakTraffic {

    /**
     * One kind of request.
     *
     * @param name     how the report names it
     * @param weight   its share of the traffic
     * @param expected the statuses that are fine for it
     * @param request  the next request of this kind
     */
    record Kind(String name, int weight, Set<Integer> expected, Supplier<Request> request) {
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final int totalWeight;
    private final Random random;

    /**
     * Traffic at a proxy on {@code baseUrl}, with a small and a large (temp-file) recording; callers that bring their
     * own key send it to {@code callersOwnBase}.
     */
    SoakTraffic(String baseUrl, Path smallAudio, Path largeAudio, String callersOwnBase, Random random) {
        BadRequests small = new BadRequests(baseUrl, smallAudio);
        BadRequests large = new BadRequests(baseUrl, largeAudio);
        // Left out: the 26 MiB upload (a 413 naming 'file'), as thousands of them would measure the client, and
        // the client-credential refusals, as this proxy allows client credentials.
        List<BadRequests.Case> bad = BadRequests.CASES.stream()
                .filter(badCase -> !(badCase.status() == 413 && "file".equals(badCase.param())))
                .filter(badCase -> !Set.of("api_key", "api_base").contains(String.valueOf(badCase.param())))
                .toList();
        add("good", 35, Set.of(200), () -> small.form(small.withAudio(small.fields("model", "whisper"))));
        add("good, 1.5 MiB", 5, Set.of(200), () -> large.form(large.withAudio(large.fields("model", "whisper"))));
        add("group with faulty deployments beside a healthy one", 15, Set.of(200),
                () -> small.form(small.withAudio(small.fields("model", "mixed"))));
        add("caller's own key and base", 5, Set.of(200), () -> small.form(small.withAudio(small.fields("model",
                "whisper", "api_key", "sk-caller-own-key", "api_base", callersOwnBase))));
        add("group that falls back", 10, Set.of(200),
                () -> small.form(small.withAudio(small.fields("model", "fallback"))));
        add("group whose only deployment answers 503", 5, Set.of(503, 429),
                () -> small.form(small.withAudio(small.fields("model", "down"))));
        add("group whose only deployment is too slow", 5, Set.of(504, 429),
                () -> small.form(small.withAudio(small.fields("model", "slow"))));
        add("group whose only deployment is rate-limited", 5, Set.of(429),
                () -> small.form(small.withAudio(small.fields("model", "limited"))));
        for (BadRequests.Case badCase : bad) {
            add("bad: " + badCase.description(), 20.0 / bad.size(), Set.of(badCase.status()),
                    () -> badCase.request().apply(small));
        }
        this.totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
        this.random = random;
    }

    Kind next() {
        int pick;
        synchronized (random) {
            pick = random.nextInt(totalWeight);
        }
        for (Kind kind : kinds) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind;
            }
        }
        return kinds.getLast();
    }

    /** The config the traffic is meant for, over the soak's vendors. */
    static String config(SoakVendor healthy, SoakVendor failing, SoakVendor resetting, SoakVendor truncating,
                         SoakVendor unavailable, SoakVendor late, SoakVendor limited) {
        return """
                model_list:
                  - {model_name: whisper, litellm_params: {model: whisper-1, api_key: sk-soak-0, api_base: "%s"}}
                  - {model_name: mixed, litellm_params: {model: whisper-1, api_key: sk-soak-0, api_base: "%s"}}
                  - {model_name: mixed, litellm_params: {model: whisper-1, api_key: sk-soak-1, api_base: "%s"}}
                  - {model_name: mixed, litellm_params: {model: whisper-1, api_key: sk-soak-2, api_base: "%s"}}
                  - {model_name: fallback, litellm_params: {model: whisper-1, api_key: sk-soak-3, api_base: "%s"}}
                  - {model_name: down, litellm_params: {model: whisper-1, api_key: sk-soak-4, api_base: "%s"}}
                  - {model_name: slow, litellm_params: {model: whisper-1, api_key: sk-soak-5, api_base: "%s",
                     timeout: 1}}
                  - {model_name: limited, litellm_params: {model: whisper-1, api_key: sk-soak-6, api_base: "%s"}}
                router_settings:
                  num_retries: 2
                  allowed_fails: 3
                  cooldown_time: 5
                  fallbacks: [{"fallback": ["whisper"]}]
                general_settings: {master_key: sk-1234, allow_client_side_credentials: true}
                """.formatted(healthy.baseUrl(), healthy.baseUrl(), failing.baseUrl(), resetting.baseUrl(),
                truncating.baseUrl(), unavailable.baseUrl(), late.baseUrl(), limited.baseUrl());
    }

    private void add(String name, double weight, Set<Integer> expected, Supplier<Request> request) {
        kinds.add(new Kind(name, Math.max(1, (int) Math.round(weight * 10)), expected, request));
    }
}
