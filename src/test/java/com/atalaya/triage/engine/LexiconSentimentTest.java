package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconSentimentTest {

    private static final LexiconSentiment lexicon = new LexiconSentiment();

    private static Sentiment es(String s) {
        return lexicon.score(Text.of(s), "es");
    }

    private static Sentiment en(String s) {
        return lexicon.score(Text.of(s), "en");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "es|Me encanta, llegó rapidísimo|POSITIVE",
                "es|No me gustó nada, pésima calidad|NEGATIVE",
                "es|No está mal|POSITIVE",
                "es|Muy poco profesional|NEGATIVE",
                "es|¿Tenéis la talla M?|NEUTRAL",
                "en|Not bad at all|POSITIVE",
                "en|This is not good|NEGATIVE",
                "en|nobody answers. Gutted.|NEGATIVE",
                "en|Where is my order?|NEUTRAL"
            })
    void negationFlipsTheWordsItReachesUntilTheClauseEnds(String language, String text, SentimentLabel expected) {
        assertThat(lexicon.score(Text.of(text), language).label()).as(text).isEqualTo(expected);
    }

    @Test
    void intensifiersStrengthenAndCapitalsAndExclamationsAddEmphasis() {
        assertThat(es("muy bueno").score()).isGreaterThan(es("bueno").score());
        assertThat(es("horrible!!!").score()).isLessThan(es("horrible").score());
        assertThat(en("it was AWFUL").score()).isLessThan(en("it was awful").score());
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertThat(es("El producto es bonito pero el envío fue horrible").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("Delivery was slow but the jacket is amazing").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void emojiCarrySentimentAndCuesExplainTheScore() {
        Sentiment angry = es("😡😡");
        assertThat(angry.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(angry.cues()).anyMatch(c -> c.startsWith("😡"));
        assertThat(es("No me gustó").cues()).anyMatch(c -> c.startsWith("no "));
    }

    @Test
    void latinAmericanAndSpainColloquialWordsCount() {
        assertThat(es("Qué chido, me llegó bien rápido").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(es("Un producto bien chafa").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(es("Está guay").label()).isEqualTo(SentimentLabel.POSITIVE);
    }
}
