package com.atalaya.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import com.atalaya.identity.InvalidInputException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationRulesTest {

    @Test
    void tagsAreTrimmedLowercasedDedupedAndLimited() {
        assertThat(WorkingConversations.normalizeTags(List.of(" Envío ", "envío", "Late Delivery", "")))
                .containsExactly("envío", "late-delivery");
        assertThatThrownBy(() -> WorkingConversations.normalizeTags(List.of("x".repeat(61))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WorkingConversations.normalizeTags(java.util.stream.IntStream.range(0, 31)
                        .mapToObj(i -> "t" + i)
                        .toList()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void replySubjectsGetOneRePrefix() {
        assertThat(WorkingConversations.replySubject("Pedido 12")).isEqualTo("Re: Pedido 12");
        assertThat(WorkingConversations.replySubject("RE: Pedido 12")).isEqualTo("RE: Pedido 12");
        assertThat(WorkingConversations.replySubject(null)).isNull();
    }

    @Test
    void addressesAreNormalizedPerKind() {
        assertThat(ThreadingInboundMessages.normalize(new Party(IdentityKind.EMAIL, " Ana@Example.COM ", null)))
                .isEqualTo("ana@example.com");
        assertThat(ThreadingInboundMessages.normalize(new Party(IdentityKind.PHONE, "+34 600-12-34-56", null)))
                .isEqualTo("+34600123456");
    }

    @Test
    void referenceTokensMatchTheSubjectPattern() {
        String token = ThreadingInboundMessages.newToken();
        assertThat(ThreadingInboundMessages.TOKEN
                        .matcher("Re: hola [#" + token + "]")
                        .find())
                .isTrue();
        assertThat(Collections.nCopies(50, 0).stream()
                        .map(i -> ThreadingInboundMessages.newToken())
                        .distinct())
                .hasSize(50);
    }

    @Test
    void firstResponseIsMeasuredOnceAndAnInboundMessageReopens() {
        var at = java.time.Instant.parse("2026-11-23T10:00:00Z");
        Conversation c = new Conversation(
                java.util.UUID.randomUUID(),
                1,
                "ATL-AAAAAA",
                java.util.UUID.randomUUID(),
                "email",
                java.util.UUID.randomUUID(),
                null,
                new Party(IdentityKind.EMAIL, "a@example.com", null),
                "Hola",
                at);
        c.appendInbound("hola", at);
        c.appendOutbound("respuesta", at.plusSeconds(600));
        c.appendOutbound("otra", at.plusSeconds(1200));
        assertThat(c.getFirstResponseSeconds()).isEqualTo(600);
        c.changeStatus(ConversationStatus.RESOLVED, null);
        c.appendInbound("una cosa más", at.plusSeconds(2000));
        assertThat(c.getStatus()).isEqualTo(ConversationStatus.OPEN);
    }
}
