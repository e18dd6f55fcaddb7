package dev.voxgate.local;

import java.util.Arrays;
import java.util.Locale;

/** Word error rate: word insertions, deletions and substitutions over the reference's word count. */
final class WordErrorRate {

    private WordErrorRate() {
    }

    static double of(String reference, String hypothesis) {
        String[] expected = words(reference);
        String[] actual = words(hypothesis);
        int[] previous = new int[actual.length + 1];
        int[] current = new int[actual.length + 1];
        Arrays.setAll(previous, i -> i);
        for (int i = 1; i <= expected.length; i++) {
            current[0] = i;
            for (int j = 1; j <= actual.length; j++) {
                int substitution = previous[j - 1] + (expected[i - 1].equals(actual[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[actual.length] / (double) expected.length;
    }

    private static String[] words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
    }
}
