package com.atalaya.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageConfigurationTest {

    @Test
    void theFirstSupportedLanguageOfTheBrowserIsChosen() {
        assertThat(LanguageConfiguration.preferred("fr-FR,en-GB;q=0.8,es;q=0.5"))
                .isEqualTo(Locale.ENGLISH);
        assertThat(LanguageConfiguration.preferred("de")).isEqualTo(LanguageConfiguration.SPANISH);
        assertThat(LanguageConfiguration.preferred(null)).isEqualTo(LanguageConfiguration.SPANISH);
    }

    @Test
    void aMalformedOrHugeHeaderFallsBackToSpanishInsteadOfFailingTheRequest() {
        assertThat(LanguageConfiguration.preferred("en;q=abc")).isEqualTo(LanguageConfiguration.SPANISH);
        assertThat(LanguageConfiguration.preferred(";;;,,,")).isEqualTo(LanguageConfiguration.SPANISH);
        assertThat(LanguageConfiguration.preferred("en," + "x-".repeat(5000))).isEqualTo(LanguageConfiguration.SPANISH);
    }
}
