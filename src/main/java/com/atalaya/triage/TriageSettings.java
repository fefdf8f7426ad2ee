package com.atalaya.triage;

import com.atalaya.triage.engine.LanguageDetection;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atalaya.triage.*}: the languages language detection chooses among, and after how many new corrections
 * a workspace's models retrain.
 */
@ConfigurationProperties("atalaya.triage")
record TriageSettings(List<String> languages, Integer retrainAfterCorrections) {

    public TriageSettings {
        languages = languages == null || languages.isEmpty() ? LanguageDetection.DEFAULT_LANGUAGES : languages;
        LanguageDetection.validate(languages);
        if (retrainAfterCorrections != null && retrainAfterCorrections < 1) {
            throw new IllegalArgumentException("atalaya.triage.retrain-after-corrections must be 1 or more");
        }
        retrainAfterCorrections = retrainAfterCorrections == null ? 10 : retrainAfterCorrections;
    }
}
