package com.atalaya.channels.email;

import com.atalaya.channels.Party;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.Set;

/** Tells mail a machine sent: auto-replies, bounces, read receipts and bulk mail. */
final class AutomatedMail {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> MACHINE_SENDERS = Set.of("mailer-daemon", "postmaster");

    private AutomatedMail() {}

    /** RFC 3834's Auto-Submitted and the headers vendors use instead, null senders, DSNs and MDNs. */
    static boolean isAutomated(MimeMessage message, Party sender) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).matches("no\\b.*")) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null) {
            return true;
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null) {
            for (String token : suppress.split("[,\\s]+")) {
                if (token.equalsIgnoreCase("All") || token.equalsIgnoreCase("OOF")) {
                    return true;
                }
            }
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        String address = sender.address().toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        if (at > 0 && MACHINE_SENDERS.contains(address.substring(0, at))) {
            return true;
        }
        if (message.isMimeType("multipart/report")) {
            try {
                String reportType = new ContentType(message.getContentType()).getParameter("report-type");
                return reportType != null
                        && (reportType.equalsIgnoreCase("delivery-status")
                                || reportType.equalsIgnoreCase("disposition-notification"));
            } catch (ParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }
}
