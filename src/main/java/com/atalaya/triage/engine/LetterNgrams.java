package com.atalaya.triage.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of a few languages a text's letters look like: naive Bayes over the letter n-grams (one to
 * three letters) of its words, each word padded with a boundary mark, accents kept, digits dropped;
 * counts from the project's own sample sentences and common words of each language. Small (some
 * 3,300 n-grams for six languages) and only asked what the common-word vote leaves open.
 * Immutable and thread-safe once built.
 */
final class LetterNgrams {

    /** Add-alpha smoothing of the n-gram counts. */
    static final double ALPHA = 0.1;

    /** A text is judged by its first words. */
    static final int MAX_WORDS = 60;

    static final int MAX_N = 3;
    private static final char BOUNDARY = '_';
    private static final String INVERTED_MARK = "¿¡";

    /** Per n-gram, the log probability of it in each language (index as in {@code languages}). */
    private final Map<String, float[]> logProbability;

    /** Per language, the log probability of an n-gram never seen in that language. */
    private final float[] unseen;

    LetterNgrams(List<String> languages, Map<String, List<String>> textsByLanguage) {
        int n = languages.size();
        Map<String, int[]> counts = new HashMap<>();
        long[] totals = new long[n];
        for (int i = 0; i < n; i++) {
            for (String text : textsByLanguage.getOrDefault(languages.get(i), List.of())) {
                int language = i;
                forEachNgram(Text.of(text), ngram -> {
                    counts.computeIfAbsent(ngram, t -> new int[n])[language]++;
                    totals[language]++;
                });
            }
        }
        double vocabulary = counts.size() + 1.0;
        this.unseen = new float[n];
        for (int i = 0; i < n; i++) {
            unseen[i] = (float) Math.log(ALPHA / (totals[i] + ALPHA * vocabulary));
        }
        Map<String, float[]> logs = new HashMap<>();
        counts.forEach((ngram, c) -> {
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = (float) Math.log((c[i] + ALPHA) / (totals[i] + ALPHA * vocabulary));
            }
            logs.put(ngram, p);
        });
        this.logProbability = Map.copyOf(logs);
    }

    /** The log likelihood of a text in each language, over its {@code ngrams} n-grams. */
    record Scores(double[] logLikelihood, int ngrams) {}

    /** The text's scores, or null when none of its letters was ever seen (another script). */
    Scores score(Text text) {
        double[] scores = new double[unseen.length];
        int[] seen = {0, 0};
        forEachNgram(text, ngram -> {
            float[] p = logProbability.get(ngram);
            seen[0]++;
            if (p != null) {
                seen[1]++;
            }
            for (int i = 0; i < scores.length; i++) {
                scores[i] += p == null ? unseen[i] : p[i];
            }
        });
        return seen[1] == 0 ? null : new Scores(scores, seen[0]);
    }

    private interface NgramSink {
        void accept(String ngram);
    }

    private static void forEachNgram(Text text, NgramSink sink) {
        // Inverted question and exclamation marks are no word's letters but tell Spanish; they
        // count as an n-gram of their own, learnt from the samples like the others.
        String raw = text.raw();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '¿' || c == '¡') {
                sink.accept(INVERTED_MARK);
            }
        }
        int words = 0;
        StringBuilder word = new StringBuilder();
        for (Text.Token token : text.tokens()) {
            if (!token.word()) {
                continue;
            }
            word.setLength(0);
            word.append(BOUNDARY);
            String surface = token.surface().toLowerCase(Locale.ROOT);
            for (int i = 0; i < surface.length(); i++) {
                char c = surface.charAt(i);
                if (Character.isLetter(c)) {
                    word.append(c);
                }
            }
            if (word.length() == 1) {
                continue;
            }
            word.append(BOUNDARY);
            for (int i = 1; i + 1 < word.length(); i++) {
                sink.accept(word.substring(i, i + 1));
            }
            for (int n = 2; n <= MAX_N; n++) {
                for (int i = 0; i + n <= word.length(); i++) {
                    sink.accept(word.substring(i, i + n));
                }
            }
            if (++words == MAX_WORDS) {
                return;
            }
        }
    }
}
