package com.atalaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.PathologicalInput;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void emailAddressesAreRecognisedAsBefore() {
        for (String good : List.of("ana@tienda.es", "a.b+c@sub.tienda.co.uk", "x@y.z", "ñandú@café.es")) {
            assertThat(TextInput.isEmailAddress(good)).as(good).isTrue();
        }
        for (String bad : List.of(
                "",
                "ana",
                "ana@",
                "@tienda.es",
                "ana@tienda",
                "a b@tienda.es",
                "ana@tienda.es.",
                "ana@.tienda.es",
                "ana@tienda..es",
                "ana@@tienda.es",
                "ana@tienda@es.es",
                "ana@tien\u0000da.es",
                "ana@tienda.es\n",
                "ana\u00a0@tienda.es")) {
            assertThat(TextInput.isEmailAddress(bad)).as(bad).isFalse();
        }
        assertThat(TextInput.isEmailAddress(null)).isFalse();
    }

    @Test
    void emailAddressesHaveAtMost254Characters() {
        String longest = "a".repeat(244) + "@tienda.es";
        assertThat(longest).hasSize(254);

        assertThat(TextInput.isEmailAddress(longest)).isTrue();
        assertThat(TextInput.isEmailAddress("a" + longest)).isFalse();
    }

    @Test
    void controlCharactersOtherThanTabsAndLineBreaksAreFound() {
        assertThat(TextInput.hasControlCharacter("Hola\tqué tal\r\nadiós\n")).isFalse();
        assertThat(TextInput.hasControlCharacter("ñ😀 \u00a0")).isFalse();
        for (char c : new char[] {0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f}) {
            assertThat(TextInput.hasControlCharacter("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isTrue();
        }
        assertThat(TextInput.hasControlCharacter(null)).isFalse();
    }

    @Test
    void controlCharactersCanBeStripped() {
        assertThat(TextInput.withoutControlCharacters("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
        assertThat(TextInput.withoutControlCharacters("sin nada")).isEqualTo("sin nada");
    }

    @Test
    void aSingleLineHasOneSpaceBetweenWords() {
        assertThat(TextInput.singleLine("  Ana \n\t María\u00a0 López  ")).isEqualTo("Ana María López");
        assertThat(TextInput.singleLine(" \n ")).isEmpty();
    }

    /** Benchmark-style, with a bound a hundred times what one pass over the text takes on a slow machine. */
    @Test
    void everyCheckAnswersAHundredThousandPathologicalCharactersQuickly() {
        List<Predicate<String>> checks = List.of(
                TextInput::isEmailAddress,
                TextInput::hasControlCharacter,
                s -> TextInput.withoutControlCharacters(s).isEmpty(),
                s -> TextInput.singleLine(s).isEmpty());
        for (String input : PathologicalInput.of(100_000)) {
            for (Predicate<String> check : checks) {
                long start = System.nanoTime();
                check.test(input);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("%s…", input.substring(0, 12))
                        .isLessThan(Duration.ofSeconds(2));
            }
        }
    }
}
