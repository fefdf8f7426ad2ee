package com.atalaya.triage.engine;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Language of a text by Lingua, restricted to the configured languages (fewer languages: more
 * accurate on short texts and less memory). Models are loaded once, when this is built.
 *
 * <p>Lingua costs some 400 µs a message on these machines, most of the triage budget, so a
 * text that holds common words of exactly one configured language and of no other
 * ({@code triage/lexicon/function-words.tsv}, words that belong to one language only) is decided
 * without it; every other text goes to Lingua. On the project's labelled sets this keeps or
 * improves accuracy (README) and sends about one message in six to Lingua. Answers "und" (undetermined) when the text has no letters or Lingua
 * cannot tell. Thread-safe.
 */
public final class LanguageDetection {

    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "ca", "fr", "it");
    public static final String UNDETERMINED = "und";

    /** Lingua reads this many characters at most: the beginning of a message tells its language. */
    private static final int SAMPLE_CHARS = 300;

    private static final double WORD_VOTE_CONFIDENCE = 0.95;

    public record Detected(String code, double confidence) {}

    private final LanguageDetector detector;
    private final List<String> codes;
    private final Map<String, String> functionWords;

    public LanguageDetection(List<String> isoCodes) {
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
        this.codes =
                isoCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels()
                .build();
        this.functionWords = functionWords(codes);
    }

    /** Only the words of configured languages count; a language not configured cannot be voted. */
    private static Map<String, String> functionWords(List<String> languages) {
        Map<String, String> words = new HashMap<>();
        var in = LanguageDetection.class.getClassLoader().getResourceAsStream("triage/lexicon/function-words.tsv");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length == 2 && !line.startsWith("#") && languages.contains(f[0])) {
                    words.put(f[1], f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** The one language with common words in the text while no other has any, else null. */
    private String byCommonWords(Text text) {
        String language = null;
        for (Text.Token token : text.tokens()) {
            if (!token.word()) {
                continue;
            }
            String vote = functionWords.get(token.surface().toLowerCase(Locale.ROOT));
            if (vote == null) {
                continue;
            }
            if (language != null && !language.equals(vote)) {
                return null;
            }
            language = vote;
        }
        return language;
    }

    public List<String> languages() {
        return codes;
    }
}
