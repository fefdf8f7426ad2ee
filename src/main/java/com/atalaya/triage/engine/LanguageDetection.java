package com.atalaya.triage.engine;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Language of a text by Lingua, restricted to the configured languages (fewer languages: more
 * accurate on short texts and less memory). Models are loaded once, when this is built. Answers
 * "und" (undetermined) when the text has no letters or Lingua cannot tell. Thread-safe.
 */
public final class LanguageDetection {

    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "ca", "fr", "it");
    public static final String UNDETERMINED = "und";

    /** Lingua reads this many characters at most: the beginning of a message tells its language. */
    private static final int SAMPLE_CHARS = 300;

    public record Detected(String code, double confidence) {}

    private final LanguageDetector detector;
    private final List<String> codes;

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
        this.codes = List.copyOf(isoCodes);
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels()
                .build();
    }

    public Detected detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().noneMatch(Character::isLetter)) {
            return new Detected(UNDETERMINED, 0);
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

    public List<String> languages() {
        return codes;
    }
}
