package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectingTest {

    private static final MessagingException REFUSED =
            new MessagingException("Connection refused", new ConnectException("Connection refused"));

    @Test
    void anUnreachableServerIsTriedAgainWithinSecondsAndNeverLessOftenThanTheCap() {
        Reconnecting reconnecting = new Reconnecting();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(reconnecting.after(REFUSED));
        }

        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 8L, 8L, 8L);
        assertThat(reconnecting.failures()).isEqualTo(7);
    }

    @Test
    void aWorkingConnectionStartsTheWaitsAgainFromTheFirst() {
        Reconnecting reconnecting = new Reconnecting();
        for (int i = 0; i < 5; i++) {
            reconnecting.after(REFUSED);
        }

        reconnecting.connected();

        assertThat(reconnecting.failures()).isZero();
        assertThat(reconnecting.after(new FolderClosedException(null, "BYE"))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aDatabaseThatCannotStoreTheMailIsTriedAgainAsOftenAsAnUnreachableServer() {
        Reconnecting reconnecting = new Reconnecting();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            wait = reconnecting.after(new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JPA EntityManager for transaction"));
        }

        assertThat(wait).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void otherFailuresBackOffToFiveMinutesAndARejectedPasswordWaitsFiveMinutes() {
        Reconnecting reconnecting = new Reconnecting();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            wait = reconnecting.after(new MessagingException("NO [SERVERBUG] Internal error"));
        }
        assertThat(wait).isEqualTo(Duration.ofMinutes(5));

        assertThat(new Reconnecting().after(new AuthenticationFailedException("Authentication failed")))
                .isEqualTo(Duration.ofMinutes(5));
    }
}
