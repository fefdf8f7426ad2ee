package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    private static List<String> folded(String s) {
        return Text.of(s).tokens().stream()
                .filter(Text.Token::word)
                .map(Text.Token::folded)
                .toList();
    }

    @Test
    void foldingDropsAccentsAndCaseAndSqueezesLongLetterRuns() {
        assertThat(folded("IDIOTAAAA, qué atención")).containsExactly("idiota", "que", "atencion");
        assertThat(folded("llegó")).containsExactly("llego");
        assertThat(folded("good cool")).containsExactly("good", "cool");
    }

    @Test
    void leetspeakReadsAsLettersOnlyInsideWords() {
        assertThat(folded("1d10t4 m1erd4 br@inless")).containsExactly("idiota", "mierda", "brainless");
        assertThat(folded("pedido #48213")).containsExactly("pedido", "48213");
    }

    @Test
    void contractionsStayOneWordAndStarsMaskLetters() {
        assertThat(folded("I don't like it")).containsExactly("i", "dont", "like", "it");
        assertThat(folded("hijos de p*ta")).containsExactly("hijos", "de", "p*ta");
        assertThat(folded("*urgente*")).containsExactly("urgente");
    }

    @Test
    void emojiArePunctuationIsCountedAndClausesAreMarked() {
        Text text = Text.of("¡¡Genial!! 😡 ⭐ ok. no");
        assertThat(text.exclamations()).isEqualTo(4);
        assertThat(text.tokens()).extracting(Text.Token::surface).contains("😡", "⭐");
        assertThat(text.tokens().stream().filter(Text.Token::isBoundary)).isNotEmpty();
        assertThat(folded("s.c.a.m")).containsExactly("s", "c", "a", "m");
    }

    @Test
    void shoutingIsMostLettersInCapitals() {
        assertThat(Text.of("DONDE ESTA MI PEDIDO").shouting()).isTrue();
        assertThat(Text.of("Donde está mi pedido ASAP").shouting()).isFalse();
    }

    @Test
    void hugeTextsAreCut() {
        assertThat(Text.of("a ".repeat(10_000)).raw()).hasSize(Text.MAX_CHARS);
    }
}
