package com.atalaya.channels.email;

import com.atalaya.channels.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;

/**
 * Turns mail exceptions into reasons a person setting up a mailbox can act on. Each reason is an
 * i18n key under {@code email.problem.*} (bundle {@code i18n/email}) with its arguments; the
 * English text, for logs and the outbox, comes from the same bundle.
 */
final class MailProblems {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/email", Locale.ENGLISH);

    /** One reason: its i18n key, arguments (all strings) and English text. */
    record Problem(String key, Object[] args) {

        Problem(String key, String... args) {
            this(key, (Object[]) args);
        }

        String message() {
            return new MessageFormat(ENGLISH.getString(key), Locale.ENGLISH).format(args);
        }

        DeliveryException toDelivery(boolean permanent, Throwable cause) {
            return new DeliveryException(message(), permanent, cause, key, args);
        }
    }

    private MailProblems() {}

    /** Whether a failure means the server connection is gone (retry later) rather than a broken message. */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FolderClosedException
                    || t instanceof StoreClosedException
                    || t instanceof MessageRemovedException
                    // what IMAP content streams throw when the folder closes or the message is expunged
                    || t.getClass().getSimpleName().equals("FolderClosedIOException")
                    || t.getClass().getSimpleName().equals("MessageRemovedIOException")
                    || t instanceof ConnectionException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String explain(Exception e, String protocol, String host, int port) {
        return problem(e, protocol, host, port).message();
    }

    static Problem problem(Exception e, String protocol, String host, int port) {
        String p = String.valueOf(port);
        ServerCertificateException certificate = find(e, ServerCertificateException.class);
        if (certificate != null) {
            return certificate.problem(protocol, host, p);
        }
        if (e instanceof AuthenticationFailedException) {
            return new Problem("email.problem.rejectedLogin", protocol, host, p);
        }
        if (e instanceof FolderNotFoundException) {
            return new Problem("email.problem.noSuchFolder", protocol, host, p);
        }
        if (has(e, UnknownHostException.class)) {
            return new Problem("email.problem.unknownHost", protocol, host, p);
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            return new Problem("email.problem.nothingAnswers", protocol, host, p);
        }
        if (has(e, SocketTimeoutException.class)) {
            return new Problem("email.problem.timeout", protocol, host, p);
        }
        Exception closed = closed(e);
        if (closed != null) {
            return new Problem("email.problem.closed", protocol, host, p, detail(closed));
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new Problem("email.problem.tls", protocol, host, p, detail(tls));
        }
        return new Problem("email.problem.other", protocol, host, p, detail(e));
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    /** The first exception of that type among the causes, including a MessagingException's next ones. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof jakarta.mail.MessagingException m
                    && m.getNextException() != null
                    && m.getNextException() != t.getCause()) {
                T found = find(m.getNextException(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The server ended the session (BYE, a closed folder or connection), if that is what happened. */
    private static Exception closed(Exception e) {
        Exception found = find(e, FolderClosedException.class);
        if (found == null) {
            found = find(e, StoreClosedException.class);
        }
        if (found == null) {
            found = find(e, ConnectionException.class);
        }
        return found;
    }

    private static String detail(Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return detail.strip();
    }
}
