package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.DeliveryException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * TLS against Debian's Dovecot and Postfix: a certificate of a private CA or a self-signed one
 * works once pasted into the connection's settings, over STARTTLS and SSL, for IMAP and SMTP;
 * without it, or for the wrong host, or expired, the check names the certificate.
 */
@Tag("real-mail-servers")
class EmailTlsRealServersTest {

    private static final String SHOP = "shop@example.com";

    private final EmailChannel channel = new EmailChannel(null, new SendingEmail());
    private RealMailServers servers;

    @BeforeAll
    static void requireServers() {
        RealMailServers.require();
    }

    @AfterEach
    void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aPrivateCaIsTrustedOnceItsCertificateIsPastedForImapAndSmtpOverStartTlsAndSsl() {
        servers = RealMailServers.start("tls-private-ca");
        Map<String, String> settings = servers.settings(SHOP);
        settings.put("smtpSecurity", "STARTTLS");
        settings.put("smtpUser", "");

        assertThatCode(() -> channel.check(settings)).doesNotThrowAnyException();

        settings.put("imapSecurity", "SSL");
        settings.put("imapPort", String.valueOf(servers.imapsPort));
        assertThatCode(() -> channel.check(settings)).doesNotThrowAnyException();

        settings.remove("trustedCertificate");
        X509Certificate server = TrustedCertificates.parse(
                        TestCertificates.read(servers.tls().certificate()))
                .certificates()
                .getFirst();
        assertThatThrownBy(() -> channel.check(settings)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("email.problem.certificateUntrusted");
            assertThat(e.getMessage())
                    .contains("IMAP server 127.0.0.1:" + servers.imapsPort)
                    .contains("subject CN=127.0.0.1, O=Atalaya test server")
                    .contains("issued by CN=Atalaya Test CA, O=Atalaya test")
                    .contains(ServerCertificateException.fingerprint(server))
                    .doesNotContain("check the security setting");
        });
    }

    @Test
    void aSelfSignedCertificateIsTrustedOnceItIsPasted() {
        Path dir = RealMailServers.temporaryDirectory("tls-self-signed");
        servers = RealMailServers.start(
                "tls-self-signed", dir, TestCertificates.selfSigned(dir.resolve("tls"), "127.0.0.1", "localhost"));
        Map<String, String> settings = servers.settings(SHOP);

        assertThatCode(() -> channel.check(settings)).doesNotThrowAnyException();

        settings.remove("trustedCertificate");
        assertThatThrownBy(() -> channel.check(settings))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.getMessage())
                                .contains("presented a certificate that is not trusted")
                                .contains("subject CN=127.0.0.1, O=Atalaya self-signed test")
                                .contains("issued by CN=127.0.0.1, O=Atalaya self-signed test"));
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedSayingWhichHostsItIsFor() {
        Path dir = RealMailServers.temporaryDirectory("tls-wrong-host");
        servers = RealMailServers.start(
                "tls-wrong-host", dir, TestCertificates.selfSigned(dir.resolve("tls"), "mail.example.net"));

        assertThatThrownBy(() -> channel.check(servers.settings(SHOP)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("email.problem.certificateWrongHost");
                    assertThat(e.getMessage())
                            .contains("presented a certificate for mail.example.net, not for 127.0.0.1");
                });
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpiredEvenWhenPasted() {
        Path dir = RealMailServers.temporaryDirectory("tls-expired");
        servers = RealMailServers.start("tls-expired", dir, TestCertificates.expired(dir.resolve("tls"), "127.0.0.1"));

        assertThatThrownBy(() -> channel.check(servers.settings(SHOP)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("email.problem.certificateExpired");
                    assertThat(e.getMessage())
                            .contains("presented a certificate that expired on")
                            .contains("subject CN=127.0.0.1, O=Atalaya expired test");
                });
    }
}
