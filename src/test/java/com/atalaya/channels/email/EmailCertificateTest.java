package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.DeliveryException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The server certificate is checked against the default trust store and the pasted certificate,
 * and a refusal names the certificate, in Spanish and English. Against GreenMail's IMAPS, whose
 * self-signed certificate names no host; the real-server suite covers a certificate that works.
 */
class EmailCertificateTest {

    private GreenMail server;
    private X509Certificate greenMailCertificate;
    private final EmailChannel channel = new EmailChannel(null, new SendingEmail());

    @BeforeEach
    void startImaps() throws Exception {
        server =
                new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAPS, ServerSetupTest.SMTP}));
        server.start();
        server.setUser(TestMailServer.SHOP, TestMailServer.SHOP, TestMailServer.PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = GreenMail.class.getResourceAsStream("/greenmail.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        greenMailCertificate = (X509Certificate) keys.getCertificate("greenmail");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anUntrustedCertificateIsRefusedWithItsSubjectIssuerValidityAndFingerprint() {
        String fingerprint = ServerCertificateException.fingerprint(greenMailCertificate);

        assertThatThrownBy(() -> channel.check(settings(null))).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("email.problem.certificateUntrusted");
            assertThat(e.getMessage())
                    .startsWith(
                            "The IMAP server 127.0.0.1:" + imapsPort() + " presented a certificate that is not trusted")
                    .contains("subject CN=GreenMail selfsigned Test Certificate")
                    .contains("issued by CN=GreenMail selfsigned Test Certificate")
                    .contains("valid from 2026-08-23")
                    .contains(fingerprint)
                    .contains("server's own certificate")
                    .doesNotContain("check the security setting");
            assertThat(inSpanish(e))
                    .startsWith("El servidor IMAP 127.0.0.1:" + imapsPort()
                            + " presenta un certificado que no es de confianza")
                    .contains("titular CN=GreenMail selfsigned Test Certificate")
                    .contains(fingerprint)
                    .contains("«Certificado de confianza»");
        });
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedSayingWhichNamesItIsFor() throws Exception {
        assertThatThrownBy(() -> channel.check(settings(pem(greenMailCertificate))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("email.problem.certificateWrongHost");
                    assertThat(e.getMessage())
                            .contains("presented a certificate for CN=GreenMail selfsigned Test Certificate")
                            .contains("not for 127.0.0.1");
                    assertThat(inSpanish(e)).contains("no para 127.0.0.1");
                });
    }

    @Test
    void aPastedTextThatIsNoCertificateIsRefusedBeforeConnecting() {
        assertThatThrownBy(() ->
                        channel.check(settings("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----")))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("email.problem.certificateUnreadable"));
        assertThatThrownBy(() -> channel.check(settings("my certificate")))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("email.problem.certificateUnreadable"));
    }

    @Test
    void certificatesAreReadFromPemEvenWhenItsLineBreaksWereLost() throws Exception {
        String pem = pem(greenMailCertificate) + "\n" + pem(greenMailCertificate);

        assertThat(TrustedCertificates.parse(pem).certificates()).hasSize(2);
        assertThat(TrustedCertificates.parse(pem.replace("\n", " ")).certificates())
                .containsExactly(greenMailCertificate, greenMailCertificate);
        assertThat(TrustedCertificates.parse("  ").certificates()).isEmpty();
    }

    @Test
    void everyProblemIsWordedInSpanishAndEnglish() throws Exception {
        Properties spanish = properties("/i18n/email.properties");
        Properties english = properties("/i18n/email_en.properties");

        assertThat(spanish.stringPropertyNames().stream().filter(k -> k.startsWith("email.problem.")))
                .hasSizeGreaterThan(10)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("email.problem."))
                        .toList());
    }

    private Map<String, String> settings(String trustedCertificate) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", String.valueOf(imapsPort()));
        settings.put("imapSecurity", "SSL");
        settings.put("imapUser", TestMailServer.SHOP);
        settings.put("imapPassword", TestMailServer.PASSWORD);
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(server.getSmtp().getPort()));
        settings.put("smtpSecurity", "NONE");
        settings.put("fromAddress", TestMailServer.SHOP);
        if (trustedCertificate != null) {
            settings.put("trustedCertificate", trustedCertificate);
        }
        return settings;
    }

    private int imapsPort() {
        return server.getImaps().getPort();
    }

    private static String inSpanish(DeliveryException e) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/email");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(e.messageKey(), e.args(), Locale.forLanguageTag("es"));
    }

    private static Properties properties(String resource) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmailCertificateTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
