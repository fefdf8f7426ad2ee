package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectionTest {

    private static final LanguageDetection detection = new LanguageDetection(LanguageDetection.DEFAULT_LANGUAGES);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "es|¿Tenéis la M?",
                "es|Hola, mi pedido no llegó",
                "es|Che, ¿me pasás el seguimiento?",
                "en|where is my parcel??",
                "en|Cheers, lovely service",
                "pt|Olá, meu pedido ainda não chegou",
                "ca|Hola, la meva comanda encara no ha arribat",
                "fr|Bonjour, ma commande n'est pas arrivée",
                "it|Ciao, il mio ordine non è ancora arrivato"
            })
    void shortCustomerMessagesGetTheirLanguage(String expected, String text) {
        assertThat(detection.detect(text).code()).as(text).isEqualTo(expected);
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(detection.detect("12345 !!! 😡").code()).isEqualTo(LanguageDetection.UNDETERMINED);
    }

    @Test
    void onlyConfiguredLanguagesAreAnswered() {
        LanguageDetection two = new LanguageDetection(List.of("es", "en"));
        assertThat(two.detect("Olá, meu pedido ainda não chegou").code()).isIn("es", "en");
        assertThatThrownBy(() -> new LanguageDetection(List.of("es", "xx")))
                .hasMessageContaining("Unknown language code 'xx'");
    }
}
