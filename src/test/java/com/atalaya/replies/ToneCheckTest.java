package com.atalaya.replies;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.triage.engine.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToneCheckTest {

    private final ToneCheck tone = new ToneCheck(null);

    private List<String> keys(String draft, int limit, Intent intent) {
        return tone.check(draft, limit, intent).stream().map(ToneIssue::key).toList();
    }

    @Test
    void aPoliteApologyPasses() {
        assertThat(keys(
                        "Hola Ana: sentimos mucho el retraso. Ya lo hemos reclamado y te escribimos hoy.",
                        0,
                        Intent.LATE_DELIVERY))
                .isEmpty();
        assertThat(keys("Hi Ana, we are so sorry. A new one ships today.", 280, Intent.DAMAGED_PRODUCT))
                .isEmpty();
    }

    @Test
    void flagsInsultsBlameShoutingAndExclamations() {
        assertThat(keys("Sois unos pesados", 0, null)).contains("tone.insult");
        assertThat(keys("Lo siento, pero es culpa suya por no leer las condiciones", 0, null))
                .contains("tone.blame");
        assertThat(keys("Sorry, but you should have checked the size chart", 0, null))
                .contains("tone.blame");
        assertThat(keys("YA LE HEMOS DICHO QUE NO HAY STOCK", 0, null)).contains("tone.caps");
        assertThat(keys("Gracias!!!", 0, null)).contains("tone.exclamation");
    }

    @Test
    void flagsAComplaintWithoutAnApology() {
        assertThat(keys("Le enviamos otro mañana.", 0, Intent.WRONG_ITEM)).contains("tone.noApology");
        assertThat(keys("Le enviamos otro mañana.", 0, Intent.PRODUCT_QUESTION)).doesNotContain("tone.noApology");
    }

    @Test
    void flagsLengthOverTheChannelLimitAndUnfilledVariables() {
        assertThat(tone.check("x".repeat(300), 280, null)).contains(ToneIssue.of("tone.tooLong", 300, 280));
        assertThat(tone.check("Hola {{customer.firstName}}, su pedido {{ order }} sale hoy", 0, null))
                .contains(ToneIssue.of("tone.unfilled", "{{customer.firstName}}, {{order}}"));
    }

    @Test
    void hostileDraftsAreCheckedOnTheirBeginningWithoutBacktracking() {
        String hostile = "{{" + " ".repeat(200_000);
        assertThat(tone.check(hostile, 0, null)).isEmpty();
        assertThat(keys("x".repeat(60_000), 50_000, null)).contains("tone.tooLong");
    }

    @Test
    void personalisingFillsWhatIsKnownAndLeavesTheRest() {
        assertThat(SuggestingReplies.personalise(
                        "Hola, {{customer.firstName}}: tu pedido {{order}}. {{agent.firstName}}",
                        java.util.Map.of("customer.firstName", "Lucía", "agent.firstName", "")))
                .isEqualTo("Hola, Lucía: tu pedido {{order}}. {{agent.firstName}}");
    }
}
