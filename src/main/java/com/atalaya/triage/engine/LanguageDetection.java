package com.atalaya.triage.engine;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Language of a text by Lingua, restricted to the configured languages (fewer languages: more
 * accurate on short texts and less memory). Models are loaded once, when this is built.
 *
 * <p>Lingua costs some 400 µs a message on these machines, more than the whole triage budget, so
 * a text whose common words ({@code triage/lexicon/function-words.tsv}; a word may belong to
 * several languages) point to one configured language more than to any other is decided without
 * it; the rest (mixed or without common words, about 4 % of messages) goes to Lingua, which reads
 * their first {@value #SAMPLE_CHARS} characters. On the project's labelled sets this is at least as
 * accurate as Lingua alone (README). Answers "und" (undetermined) when the text has no letters or
 * Lingua cannot tell. Thread-safe.
 */
public final class LanguageDetection {

    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "ca", "fr", "it");
    public static final String UNDETERMINED = "und";

    /** Lingua reads this many characters at most: the beginning of a message tells its language. */
    static final int SAMPLE_CHARS = 60;

    private static final double WORD_VOTE_CONFIDENCE = 0.95;
    static final int VOTE_MARGIN = 1;

    public record Detected(String code, double confidence) {}

    private final LanguageDetector detector;
    private final List<String> codes;
    private final Map<String, List<String>> functionWords;

    public LanguageDetection(List<String> isoCodes) {
        List<Language> languages = validate(isoCodes);
        this.codes =
                isoCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels()
                .build();
        this.functionWords = functionWords(codes);
    }

    /** Lingua's languages for ISO 639-1 codes; a clear error for a wrong code or fewer than two. */
    public static List<Language> validate(List<String> isoCodes) {
        List<Language> languages = new ArrayList<>();
        for (String code : isoCodes) {
            IsoCode639_1 iso;
            try {
                iso = IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown language code '" + code + "' (use ISO 639-1, like es)");
            }
            languages.add(Language.getByIsoCode639_1(iso));
        }
        if (languages.size() < 2) {
            throw new IllegalArgumentException("Language detection needs at least two languages");
        }
        return languages;
    }

    /** Only configured languages count: a language not configured cannot be voted for. */
    private static Map<String, List<String>> functionWords(List<String> languages) {
        Map<String, List<String>> words = new HashMap<>();
        for (String line : WordFiles.lines("triage/lexicon/function-words.tsv")) {
            String[] f = line.split("\t");
            if (f.length == 2 && languages.contains(f[0])) {
                words.computeIfAbsent(f[1], w -> new ArrayList<>()).add(f[0]);
            }
        }
        return Map.copyOf(words);
    }

    public Detected detect(String text) {
        return detect(Text.of(text));
    }

    public Detected detect(Text text) {
        String raw = text.raw();
        String sample = raw.length() > SAMPLE_CHARS ? raw.substring(0, SAMPLE_CHARS) : raw;
        if (sample.codePoints().noneMatch(Character::isLetter)) {
            return new Detected(UNDETERMINED, 0);
        }
        String voted = byCommonWords(text);
        if (voted != null) {
            return new Detected(voted, WORD_VOTE_CONFIDENCE);
        }
        Map<Language, Double> confidences = detector.computeLanguageConfidenceValues(sample);
        if (confidences.isEmpty()) {
            return new Detected(UNDETERMINED, 0);
        }
        var best = confidences.entrySet().iterator().next();
        if (best.getKey() == Language.UNKNOWN) {
            return new Detected(UNDETERMINED, 0);
        }
        return new Detected(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), best.getValue());
    }

    /**
     * The language most of the text's common words belong to, if no other language has as many;
     * else null (a tie, or no common word at all).
     */
    private String byCommonWords(Text text) {
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
        int best = 0;
        int second = -1;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[best]) {
                second = best;
                best = i;
            } else if (second < 0 || votes[i] > votes[second]) {
                second = i;
            }
        }
        return votes[best] - votes[second] >= VOTE_MARGIN ? codes.get(best) : null;
    }

    public List<String> languages() {
        return codes;
    }
}
