package com.atalaya.channels.email;

import jakarta.mail.AuthenticationFailedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * How long a mailbox worker waits before it signs in again. The wait doubles with each failure
 * in a row, and starts again from {@link #FIRST} once a connection worked. A server that cannot
 * be reached or dropped the connection is tried at least every {@link #MAX_WHEN_UNREACHABLE}, so
 * reading resumes within seconds of its return; a rejected password waits
 * {@link #AFTER_REJECTED_LOGIN} (retrying faster could lock the account); anything else backs off
 * to {@link #MAX_OTHERWISE}. A database that could not store the mail is tried as often as an
 * unreachable server. One instance per worker, used by its thread only.
 */
final class Reconnecting {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX_WHEN_UNREACHABLE = Duration.ofSeconds(8);
    static final Duration MAX_OTHERWISE = Duration.ofMinutes(5);
    static final Duration AFTER_REJECTED_LOGIN = Duration.ofMinutes(5);

    private Duration last = Duration.ZERO;
    private int failures;

    /** The wait before the next attempt after this failure; the caller waits exactly this long. */
    Duration after(Exception failure) {
        failures++;
        if (failure instanceof AuthenticationFailedException) {
            return AFTER_REJECTED_LOGIN;
        }
        Duration max = unreachable(failure) || database(failure) ? MAX_WHEN_UNREACHABLE : MAX_OTHERWISE;
        Duration next = last.isZero() ? FIRST : last.multipliedBy(2);
        last = next.compareTo(max) > 0 ? max : next;
        return last;
    }

    /** A connection worked: the next failure waits {@link #FIRST} again. */
    void connected() {
        last = Duration.ZERO;
        failures = 0;
    }

    /** Failures since the last working connection. */
    int failures() {
        return failures;
    }

    /** Storing the mail failed, not reading it: the database was unavailable or overloaded. */
    static boolean database(Throwable e) {
        return MailProblems.has(e, DataAccessException.class) || MailProblems.has(e, TransactionException.class);
    }

    /** The server did not answer, refused the connection or the connection broke. */
    static boolean unreachable(Throwable e) {
        return MailProblems.connectionLost(e)
                || MailProblems.has(e, ConnectException.class)
                || MailProblems.has(e, NoRouteToHostException.class)
                || MailProblems.has(e, SocketException.class)
                || MailProblems.has(e, SocketTimeoutException.class)
                || MailProblems.has(e, EOFException.class);
    }
}
