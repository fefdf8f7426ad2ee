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

    /** Texts the common-word vote leaves open (no common word, or a tie) are read by their letters. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "es|¿Talla M?",
                "es|envíos gratuitos?",
                "es|hola",
                "en|ty!!",
                "en|shipping costs?",
                "pt|obrigado 🙂",
                "pt|encomenda extraviada",
                "ca|gràcies",
                "ca|comanda endarrerida",
                "fr|livraison gratuite ?",
                "fr|merci beaucoup",
                "it|spedizione gratuita?",
                "it|grazie mille"
            })
    void messagesWithoutCommonWordsGetTheirLanguageFromTheirLetters(String expected, String text) {
        assertThat(detection.detect(text).code()).as(text).isEqualTo(expected);
    }

    @Test
    void lettersClaimLessConfidenceThanCommonWords() {
        assertThat(detection.detect("envíos gratuitos?").confidence()).isBetween(0.2, 0.9);
        assertThat(detection.detect("Hola, mi pedido no llegó").confidence()).isEqualTo(0.95);
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(detection.detect("12345 !!! 😡").code()).isEqualTo(LanguageDetection.UNDETERMINED);
    }

    @Test
    void textInAnotherScriptIsUndetermined() {
        assertThat(detection.detect("Здравствуйте").code()).isEqualTo(LanguageDetection.UNDETERMINED);
        assertThat(detection.detect("ありがとう").code()).isEqualTo(LanguageDetection.UNDETERMINED);
    }

    @Test
    void onlyConfiguredLanguagesAreAnswered() {
        LanguageDetection two = new LanguageDetection(List.of("es", "en"));
        assertThat(two.detect("Olá, meu pedido ainda não chegou").code()).isIn("es", "en");
        assertThatThrownBy(() -> new LanguageDetection(List.of("es", "xx")))
                .hasMessageContaining("Unknown or unsupported language code 'xx'");
        assertThatThrownBy(() -> new LanguageDetection(List.of("es", "de")))
                .hasMessageContaining("'de'")
                .hasMessageContaining("ca, en, es, fr, it, pt");
        assertThatThrownBy(() -> new LanguageDetection(List.of("es", " ES ")))
                .hasMessageContaining("at least two languages");
    }
}
