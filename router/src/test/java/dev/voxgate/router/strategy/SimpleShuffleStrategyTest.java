package dev.voxgate.router.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SimpleShuffleStrategyTest {

    private static final int PICKS = 20_000;

    private final SimpleShuffleStrategy strategy = new SimpleShuffleStrategy();

    @Test
    void picksInProportionToWeight() {
        Map<String, Long> picks = shuffle(List.of(
                deployment("light").weight(1.0).build(),
                deployment("heavy").weight(3.0).build()));

        assertThat(share(picks, "heavy")).isCloseTo(0.75, within());
        assertThat(share(picks, "light")).isCloseTo(0.25, within());
    }

    @Test
    void weightWinsOverRpmAndAMissingWeightCountsAsZero() {
        Map<String, Long> picks = shuffle(List.of(
                deployment("weighted").weight(1.0).build(),
                deployment("rpm-only").rpm(1_000).build()));

        assertThat(picks).containsOnlyKeys("weighted");
    }

    @Test
    void picksInProportionToRpmWhenNoWeightIsSet() {
        Map<String, Long> picks = shuffle(List.of(
                deployment("small").rpm(100).build(),
                deployment("large").rpm(900).build()));

        assertThat(share(picks, "large")).isCloseTo(0.9, within());
    }

    @Test
    void picksInProportionToTpmWhenNeitherWeightNorRpmIsSet() {
        Map<String, Long> picks = shuffle(List.of(
                deployment("small").tpm(1).build(),
                deployment("large").tpm(1).build(),
                deployment("largest").tpm(2).build()));

        assertThat(share(picks, "largest")).isCloseTo(0.5, within());
    }

    @Test
    void picksUniformlyWithoutWeightsOrWhenAllAreZero() {
        Map<String, Long> plain = shuffle(List.of(deployment("a").build(), deployment("b").build()));
        Map<String, Long> zeros = shuffle(List.of(deployment("a").weight(0.0).build(), deployment("b").weight(0.0).build()));

        assertThat(share(plain, "a")).isCloseTo(0.5, within());
        assertThat(share(zeros, "a")).isCloseTo(0.5, within());
    }

    @Test
    void theSameSeedGivesTheSamePicks() {
        List<Deployment> deployments = List.of(deployment("a").weight(1.0).build(), deployment("b").weight(2.0).build());

        assertThat(sequence(deployments, 42)).isEqualTo(sequence(deployments, 42));
    }

    private Map<String, Long> shuffle(List<Deployment> deployments) {
        Random random = new Random(42);
        return IntStream.range(0, PICKS)
                .mapToObj(i -> strategy.pick(new Candidates("whisper", deployments, random)).id())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<String> sequence(List<Deployment> deployments, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, 50)
                .mapToObj(i -> strategy.pick(new Candidates("whisper", deployments, random)).id())
                .toList();
    }

    private static double share(Map<String, Long> picks, String id) {
        return picks.getOrDefault(id, 0L) / (double) PICKS;
    }

    private static Offset<Double> within() {
        return Offset.offset(0.02);
    }

    private static Deployment.Builder deployment(String id) {
        return Deployment.builder(id, "whisper", "openai", "whisper-1");
    }
}
