package com.atalaya.channels.email;

import jakarta.mail.Session;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one e-mail connection, with the mail sessions they describe. Holds passwords:
 * never log an instance ({@link #toString()} leaves them out). TLS connections trust the JDK's
 * default trust store plus {@code trusted}, the certificates pasted into the connection's
 * settings, and check the server's host name.
 */
record EmailSettings(
        String imapHost,
        int imapPort,
        Security imapSecurity,
        String imapUser,
        String imapPassword,
        String imapFolder,
        String smtpHost,
        int smtpPort,
        Security smtpSecurity,
        String smtpUser,
        String smtpPassword,
        String fromAddress,
        String fromName,
        int pollSeconds,
        TrustedCertificates trusted) {

    enum Security {
        SSL,
        STARTTLS,
        NONE
    }

    static final int CONNECT_TIMEOUT_MS = 15_000;
    static final int READ_TIMEOUT_MS = 60_000;

    /**
     * Reads stored settings; the SMTP account falls back to the IMAP one when left blank.
     *
     * @throws IllegalArgumentException when the trusted certificate is not a readable PEM certificate
     */
    static EmailSettings of(Map<String, String> values) {
        String imapUser = text(values, "imapUser", "");
        String imapPassword = text(values, "imapPassword", "");
        String smtpUser = text(values, "smtpUser", "");
        String smtpPassword = text(values, "smtpPassword", "");
        return new EmailSettings(
                text(values, "imapHost", ""),
                number(values, "imapPort", 993),
                security(values, "imapSecurity", Security.SSL),
                imapUser,
                imapPassword,
                text(values, "imapFolder", "INBOX"),
                text(values, "smtpHost", ""),
                number(values, "smtpPort", 587),
                security(values, "smtpSecurity", Security.STARTTLS),
                smtpUser.isEmpty() ? imapUser : smtpUser,
                smtpPassword.isEmpty() ? imapPassword : smtpPassword,
                text(values, "fromAddress", ""),
                text(values, "fromName", ""),
                Math.max(1, number(values, "pollSeconds", 60)),
                TrustedCertificates.parse(values.get("trustedCertificate")));
    }

    String fromDomain() {
        int at = fromAddress.lastIndexOf('@');
        return at < 0 ? "localhost" : fromAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    Session imapSession() {
        Properties props = new Properties();
        props.put("mail.store.protocol", "imap");
        props.put("mail.imap.host", imapHost);
        props.put("mail.imap.port", String.valueOf(imapPort));
        props.put("mail.imap.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        props.put("mail.imap.timeout", String.valueOf(READ_TIMEOUT_MS));
        props.put("mail.imap.writetimeout", String.valueOf(READ_TIMEOUT_MS));
        // Reading a body must not set \Seen: the folder is also opened read-only.
        props.put("mail.imap.peek", "true");
        props.put("mail.imap.partialfetch", "true");
        props.put("mail.imap.fetchsize", String.valueOf(1024 * 1024));
        security(props, "imap", imapSecurity);
        return Session.getInstance(props);
    }

    Session smtpSession() {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtpHost);
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        props.put("mail.smtp.timeout", String.valueOf(READ_TIMEOUT_MS));
        props.put("mail.smtp.writetimeout", String.valueOf(READ_TIMEOUT_MS));
        props.put("mail.smtp.auth", String.valueOf(!smtpUser.isEmpty()));
        security(props, "smtp", smtpSecurity);
        return Session.getInstance(props);
    }

    private void security(Properties props, String protocol, Security security) {
        // Without this, a refused certificate is tried again with the JDK's socket factory, whose error names nothing.
        props.put("mail." + protocol + ".socketFactory.fallback", "false");
        switch (security) {
            case SSL -> {
                props.put("mail." + protocol + ".ssl.enable", "true");
                props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
                props.put("mail." + protocol + ".ssl.socketFactory", trusted.socketFactory());
            }
            case STARTTLS -> {
                props.put("mail." + protocol + ".starttls.enable", "true");
                props.put("mail." + protocol + ".starttls.required", "true");
                props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
                props.put("mail." + protocol + ".ssl.socketFactory", trusted.socketFactory());
            }
            case NONE -> {}
        }
    }

    private static String text(Map<String, String> values, String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        try {
            return Integer.parseInt(text(values, key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Security security(Map<String, String> values, String key, Security fallback) {
        try {
            return Security.valueOf(text(values, key, fallback.name()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    @Override
    public String toString() {
        return "EmailSettings[imap=" + imapUser + "@" + imapHost + ":" + imapPort + "/" + imapFolder + ", smtp="
                + smtpUser + "@" + smtpHost + ":" + smtpPort + ", from=" + fromAddress + "]";
    }
}
