package com.atalaya.channels.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns mail exceptions into reasons a person setting up a mailbox can act on. */
final class MailProblems {

    private MailProblems() {}

    static String explain(Exception e, String protocol, String host, int port) {
        String server = protocol + " server " + host + ":" + port;
        if (e instanceof AuthenticationFailedException) {
            return "The " + server + " rejected the user name or password";
        }
        if (e instanceof FolderNotFoundException) {
            return "The " + server + " has no folder with that name";
        }
        if (has(e, UnknownHostException.class)) {
            return "The " + protocol + " server " + host + " was not found; check the host name";
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            return "Nothing answers at " + host + ":" + port + " (" + protocol + "); check the host and port";
        }
        if (has(e, SocketTimeoutException.class)) {
            return "The " + server + " did not answer in time";
        }
        if (has(e, SSLException.class)) {
            return "The secure connection to the " + server
                    + " failed; check the security setting (SSL or STARTTLS) and the port";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "The " + server + " reported a problem: " + detail.strip();
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof jakarta.mail.MessagingException m
                    && m.getNextException() != null
                    && m.getNextException() != t.getCause()) {
                if (has(m.getNextException(), type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
