package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class VisitorStreamsTest {

    final UUID workspace = UUID.randomUUID();

    VisitorStreams streams(int total, int perIp) {
        VisitorStreams streams = new VisitorStreams(total, perIp, 8192);
        streams.start();
        return streams;
    }

    void open(VisitorStreams streams, String ip) {
        streams.open(workspace, null, ip, "status", Map.of("online", true));
    }

    @Test
    void oneAddressMayHoldOnlyItsShareOfStreams() {
        VisitorStreams streams = streams(10, 2);
        open(streams, "203.0.113.1");
        open(streams, "203.0.113.1");

        assertThatThrownBy(() -> open(streams, "203.0.113.1")).isInstanceOfSatisfying(WebchatProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(p.messageKey()).isEqualTo("webchat.error.tooManyStreams");
            assertThat(p.retryAfterSeconds()).isPositive();
            assertThat(p.closesConnection()).isTrue();
        });
        open(streams, "203.0.113.2");
        assertThat(streams.openFrom("203.0.113.1")).isEqualTo(2);
        assertThat(streams.open()).isEqualTo(3);
    }

    @Test
    void theNodeHoldsOnlySoManyStreamsInAllAndCountsNoRefusedOne() {
        VisitorStreams streams = streams(3, 2);
        open(streams, "203.0.113.1");
        open(streams, "203.0.113.2");
        open(streams, "203.0.113.3");

        assertThatThrownBy(() -> open(streams, "203.0.113.4")).isInstanceOfSatisfying(WebchatProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(p.messageKey()).isEqualTo("webchat.error.streamsFull");
            assertThat(p.closesConnection()).isTrue();
        });
        assertThat(streams.open()).isEqualTo(3);
        assertThat(streams.openFrom("203.0.113.4")).isZero();
    }

    @Test
    void stoppingEndsEveryStreamAndFreesItsPlace() {
        VisitorStreams streams = streams(2, 2);
        open(streams, "203.0.113.1");
        open(streams, "203.0.113.1");

        streams.stop();

        assertThat(streams.open()).isZero();
        assertThat(streams.openFrom("203.0.113.1")).isZero();
        assertThatThrownBy(() -> open(streams, "203.0.113.1"))
                .isInstanceOfSatisfying(
                        WebchatProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void visitorsMayNotTakeMoreThanHalfOfTheServersConnections() {
        assertThatThrownBy(() -> new VisitorStreams(5000, 20, 8192))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.tomcat.max-connections");
        assertThatThrownBy(() -> new VisitorStreams(100, 0, 8192)).isInstanceOf(IllegalStateException.class);
        assertThat(new VisitorStreams(4096, 20, 8192)).isNotNull();
    }
}
