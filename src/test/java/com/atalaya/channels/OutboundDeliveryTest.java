package com.atalaya.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboundDeliveryTest {

    OutboundDelivery delivery() {
        var request = new OutboundMessageRequested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                new Party(IdentityKind.EMAIL, "a@example.com", null),
                "Re: x",
                "hola",
                null,
                null,
                List.of(),
                "ATL-AAAAAA",
                null,
                "Ana");
        return new OutboundDelivery(request, "{}");
    }

    @Test
    void temporaryFailuresAreRetriedUpToTheLimitThenFail() {
        OutboundDelivery d = delivery();
        for (int i = 1; i < OutboundDelivery.MAX_ATTEMPTS; i++) {
            assertThat(d.failed("timeout", false)).isTrue();
            assertThat(d.getStatus()).isEqualTo(OutboundDelivery.Status.PENDING);
        }
        assertThat(d.failed("timeout", false)).isFalse();
        assertThat(d.getStatus()).isEqualTo(OutboundDelivery.Status.FAILED);
        assertThat(d.getLastError()).isEqualTo("timeout");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        OutboundDelivery d = delivery();
        assertThat(d.failed("550 no such user", true)).isFalse();
        assertThat(d.getStatus()).isEqualTo(OutboundDelivery.Status.FAILED);
    }

    @Test
    void deliveryRecordsTheProviderId() {
        OutboundDelivery d = delivery();
        d.failed("timeout", false);
        d.delivered("<id@example.com>");
        assertThat(d.getStatus()).isEqualTo(OutboundDelivery.Status.DELIVERED);
        assertThat(d.getProviderMessageId()).isEqualTo("<id@example.com>");
        assertThat(d.getAttempts()).isEqualTo(2);
        assertThat(d.getLastError()).isNull();
    }
}
