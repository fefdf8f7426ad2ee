package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Language of a text among the configured languages, from the project's own data only
 * (decision 0009). A text whose common words ({@code triage/lexicon/function-words.tsv}; a word may
 * belong to several languages) point to one configured language more than to any other is decided
 * by them, as are some 96 % of messages; the rest (mixed, tied or without common words) by the
 * letters of its words ({@link LetterNgrams}, counted in {@code triage/lexicon/language-samples.tsv}),
 * among the tied languages when the vote tied, with the configured order as prior. Answers "und"
 * (undetermined) when the text has no letters or none that the samples have. Thread-safe.
 */
public final class LanguageDetection {

    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "ca", "fr", "it");
    public static final String UNDETERMINED = "und";

    static final String FUNCTION_WORDS = "triage/lexicon/function-words.tsv";
    static final String SAMPLES = "triage/lexicon/language-samples.tsv";

    private static final double WORD_VOTE_CONFIDENCE = 0.95;
    /** The letters' answer never claims as much as the common words'. */
    private static final double LETTERS_MAX_CONFIDENCE = 0.9;

    /**
     * Where the letters leave it open, each configured language is taken to be this many times
     * as likely as the next one in the list: the first is the shop's own ("hola" is Spanish and
     * Catalan; a Spanish shop reads it as Spanish).
     */
    static final double ORDER_PRIOR = 1.5;

    static final int VOTE_MARGIN = 1;

    public record Detected(String code, double confidence) {}

    private final List<String> codes;
    private final Map<String, List<String>> functionWords;
    private final LetterNgrams letters;

    public LanguageDetection(List<String> isoCodes) {
        this.codes = validate(isoCodes);
        Map<String, List<String>> texts = new HashMap<>();
        Map<String, List<String>> words = new HashMap<>();
        for (String[] f : entries(FUNCTION_WORDS)) {
            if (codes.contains(f[0])) {
                words.computeIfAbsent(f[1], w -> new ArrayList<>()).add(f[0]);
                texts.computeIfAbsent(f[0], l -> new ArrayList<>()).add(f[1]);
            }
        }
        for (String[] f : entries(SAMPLES)) {
            if (codes.contains(f[0])) {
                texts.computeIfAbsent(f[0], l -> new ArrayList<>()).add(f[1]);
            }
        }
        this.functionWords = Map.copyOf(words);
        this.letters = new LetterNgrams(codes, texts);
    }

    /** The languages this detector knows: those with sample sentences. */
    public static Set<String> supported() {
        Set<String> languages = new TreeSet<>();
        entries(SAMPLES).forEach(f -> languages.add(f[0]));
        return languages;
    }

    /**
     * The configured codes, trimmed and in lower case; a clear error for a language without data
     * or fewer than two.
     */
    public static List<String> validate(List<String> isoCodes) {
        Set<String> supported = supported();
        Map<String, Boolean> languages = new LinkedHashMap<>();
        for (String code : isoCodes) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            if (!supported.contains(c)) {
                throw new IllegalArgumentException("Unknown or unsupported language code '" + code
                        + "' (use ISO 639-1 codes among " + String.join(", ", supported) + ")");
            }
            languages.put(c, true);
        }
        if (languages.size() < 2) {
            throw new IllegalArgumentException("Language detection needs at least two languages");
        }
        return List.copyOf(languages.keySet());
    }

    private static List<String[]> entries(String resource) {
        return WordFiles.lines(resource).stream()
                .map(line -> line.split("\t"))
                .filter(f -> f.length == 2)
                .toList();
    }

    public Detected detect(String text) {
        return detect(Text.of(text));
    }

    public Detected detect(Text text) {
        if (text.raw().codePoints().noneMatch(Character::isLetter)) {
            return new Detected(UNDETERMINED, 0);
        }
        int[] votes = votes(text);
        int best = 0;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[best]) {
                best = i;
            }
        }
        boolean[] among = new boolean[votes.length];
        int tied = 0;
        for (int i = 0; i < votes.length; i++) {
            if (votes[best] - votes[i] < VOTE_MARGIN) {
                among[i] = true;
                tied++;
            }
        }
        if (tied == 1) {
            return new Detected(codes.get(best), WORD_VOTE_CONFIDENCE);
        }
        return byLetters(text, among);
    }

    /** How many of the text's common words belong to each configured language. */
    private int[] votes(Text text) {
        int[] votes = new int[codes.size()];
        for (Text.Token token : text.tokens()) {
            if (token.word()) {
                List<String> languages = functionWords.get(token.surface().toLowerCase(Locale.ROOT));
                if (languages != null) {
                    for (String language : languages) {
                        votes[codes.indexOf(language)]++;
                    }
                }
            }
        }
        return votes;
    }

    /** The best-scoring of the languages marked; confidence from the mean score per n-gram. */
    private Detected byLetters(Text text, boolean[] among) {
        LetterNgrams.Scores scored = letters.score(text);
        if (scored == null) {
            return new Detected(UNDETERMINED, 0);
        }
        double[] scores = scored.logLikelihood();
        for (int i = 0; i < scores.length; i++) {
            scores[i] -= i * Math.log(ORDER_PRIOR);
        }
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (among[i] && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (among[i]) {
                sum += Math.exp(Math.max(-50, (scores[i] - scores[best]) / scored.ngrams()));
            }
        }
        return new Detected(codes.get(best), LETTERS_MAX_CONFIDENCE / sum);
    }

    public List<String> languages() {
        return codes;
    }
}
