package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.PathologicalInput;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebchatInputTest {

    @Test
    void messageIsStrippedAndKeepsItsLines() {
        assertThat(WebchatInput.message("text", "  Hola\r\nadiós\t!  ")).isEqualTo("Hola\nadiós\t!");
    }

    @Test
    void messageDropsControlCharacters() {
        assertThat(WebchatInput.message("text", "a\u0000b\u0007c")).isEqualTo("abc");
    }

    @Test
    void emptyMessageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> WebchatInput.message("message", " \n\t "))
                .isInstanceOfSatisfying(WebchatProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(p.messageKey()).isEqualTo("webchat.error.messageEmpty");
                    assertThat(p.field()).isEqualTo("message");
                });
        assertThatThrownBy(() -> WebchatInput.message("text", null)).isInstanceOf(WebchatProblem.class);
    }

    @Test
    void messageMayHaveFiveThousandCharactersCountingEmojiAsOne() {
        assertThat(WebchatInput.message("text", "x".repeat(5000))).hasSize(5000);
        assertThat(WebchatInput.message("text", "😀".repeat(5000))).hasSize(10000);
        assertThatThrownBy(() -> WebchatInput.message("text", "x".repeat(5001)))
                .isInstanceOfSatisfying(WebchatProblem.class, p -> {
                    assertThat(p.messageKey()).isEqualTo("webchat.error.messageTooLong");
                    assertThat(p.args()).containsExactly(5000);
                });
    }

    @Test
    void nameIsOptionalAndCollapsesWhitespace() {
        assertThat(WebchatInput.name(null)).isNull();
        assertThat(WebchatInput.name("   ")).isNull();
        assertThat(WebchatInput.name("  Ana \n  María ")).isEqualTo("Ana María");
        assertThatThrownBy(() -> WebchatInput.name("n".repeat(121))).isInstanceOf(WebchatProblem.class);
    }

    @Test
    void emailMustLookLikeAnAddress() {
        assertThat(WebchatInput.optionalEmail(" ")).isNull();
        assertThat(WebchatInput.optionalEmail(" ana@tienda.es ")).isEqualTo("ana@tienda.es");
        for (String bad : new String[] {"ana", "ana@", "@tienda.es", "ana@tienda", "a b@tienda.es", "ana@tienda.es."}) {
            assertThatThrownBy(() -> WebchatInput.optionalEmail(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            WebchatProblem.class, p -> assertThat(p.field()).isEqualTo("email"));
        }
        assertThatThrownBy(() -> WebchatInput.optionalEmail("a".repeat(250) + "@x.es"))
                .isInstanceOf(WebchatProblem.class);
    }

    @Test
    void requiredEmailRefusesBlank() {
        assertThatThrownBy(() -> WebchatInput.requiredEmail(""))
                .isInstanceOfSatisfying(
                        WebchatProblem.class, p -> assertThat(p.messageKey()).isEqualTo("webchat.error.emailRequired"));
    }

    @Test
    void clientIdIsAUuidOrNothing() {
        UUID id = UUID.randomUUID();
        assertThat(WebchatInput.clientId(id.toString())).isEqualTo(id);
        assertThat(WebchatInput.clientId(null)).isNull();
        assertThat(WebchatInput.clientId("1-1-1-1-1")).isNull();
        assertThat(WebchatInput.clientId("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"))
                .isNull();
    }

    /** Benchmark-style with a generous bound: each check is one pass, where a backtracking one took minutes. */
    @Test
    void everyFieldAnswersAHundredThousandPathologicalCharactersQuickly() {
        for (String input : PathologicalInput.of(100_000)) {
            for (Runnable check : new Runnable[] {
                () -> WebchatInput.optionalEmail(input),
                () -> WebchatInput.name(input),
                () -> WebchatInput.message("text", input),
                () -> WebchatInput.clientId(input)
            }) {
                long start = System.nanoTime();
                try {
                    check.run();
                } catch (WebchatProblem expected) {
                    // refused is fine; slow is not
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("%s…", input.substring(0, 12))
                        .isLessThan(Duration.ofSeconds(2));
            }
        }
    }
}
