package com.atalaya.channels.email;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * The mail server's certificate was refused, with the certificate, so that the reason can name it:
 * subject, issuer, validity and SHA-256 fingerprint, which a person can compare with what the
 * server's administrator sees.
 */
final class ServerCertificateException extends CertificateException {

    enum Reason {
        UNTRUSTED,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_HOST
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final Reason reason;
    private final transient X509Certificate certificate;

    ServerCertificateException(Reason reason, X509Certificate certificate, Throwable cause) {
        super(reason + ": " + describe(certificate), cause);
        this.reason = reason;
        this.certificate = certificate;
    }

    Reason reason() {
        return reason;
    }

    X509Certificate certificate() {
        return certificate;
    }

    MailProblems.Problem problem(String protocol, String host, String port) {
        String key = switch (reason) {
            case UNTRUSTED -> "email.problem.certificateUntrusted";
            case EXPIRED -> "email.problem.certificateExpired";
            case NOT_YET_VALID -> "email.problem.certificateNotYetValid";
            case WRONG_HOST -> "email.problem.certificateWrongHost";
        };
        return new MailProblems.Problem(
                key,
                protocol,
                host,
                port,
                name(certificate.getSubjectX500Principal()),
                name(certificate.getIssuerX500Principal()),
                DAY.format(certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC)),
                DAY.format(certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC)),
                fingerprint(certificate),
                String.join(", ", names(certificate)));
    }

    static String describe(X509Certificate certificate) {
        return "subject " + name(certificate.getSubjectX500Principal()) + ", issuer "
                + name(certificate.getIssuerX500Principal()) + ", valid "
                + DAY.format(certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC)) + " to "
                + DAY.format(certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC)) + ", SHA-256 "
                + fingerprint(certificate);
    }

    /** The SHA-256 fingerprint as openssl and browsers show it (AB:CD:...). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "?";
        }
    }

    /** The host names and addresses the certificate is for (its subject alternative names). */
    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    Object type = alternative.get(0);
                    if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // names stay empty; the subject still says who the certificate is for
        }
        if (names.isEmpty()) {
            names.add(name(certificate.getSubjectX500Principal()));
        }
        return names;
    }

    /** "CN=mail.example.com, O=Example": the readable form, with the most specific part first. */
    private static String name(X500Principal principal) {
        return principal.toString();
    }
}
