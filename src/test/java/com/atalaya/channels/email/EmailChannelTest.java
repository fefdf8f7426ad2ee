package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import com.atalaya.channels.SettingField;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checking settings and sending, against a real (GreenMail) server, without the application. */
class EmailChannelTest {

    private final TestMailServer server = new TestMailServer();
    private final SendingEmail sending = new SendingEmail();
    private final EmailChannel channel = new EmailChannel(null, sending);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void descriptorOffersTheMailboxSettingsWithDefaults() {
        assertThat(channel.descriptor().type()).isEqualTo("email");
        assertThat(channel.descriptor().onePerWorkspace()).isFalse();
        assertThat(channel.descriptor().settings())
                .extracting(SettingField::name, SettingField::defaultValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("imapPort", "993"),
                        org.assertj.core.groups.Tuple.tuple("imapSecurity", "SSL"),
                        org.assertj.core.groups.Tuple.tuple("imapFolder", "INBOX"),
                        org.assertj.core.groups.Tuple.tuple("smtpPort", "587"),
                        org.assertj.core.groups.Tuple.tuple("smtpSecurity", "STARTTLS"),
                        org.assertj.core.groups.Tuple.tuple("pollSeconds", "60"));
        assertThat(channel.descriptor().settings())
                .filteredOn(f -> f.kind() == SettingField.Kind.SECRET)
                .extracting(SettingField::name)
                .containsExactly("imapPassword", "smtpPassword");
        assertThat(channel.descriptor().choices().get("imapSecurity")).containsExactly("SSL", "STARTTLS", "NONE");
    }

    @Test
    void checkSignsInToBothServers() {
        assertThatCode(() -> channel.check(server.settings())).doesNotThrowAnyException();
    }

    @Test
    void checkExplainsAWrongPassword() {
        Map<String, String> settings = server.settings();
        settings.put("imapPassword", "wrong");

        assertThatThrownBy(() -> channel.check(settings))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("IMAP server 127.0.0.1:" + server.imapPort())
                .hasMessageContaining("rejected the user name or password")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void checkExplainsAWrongSmtpPassword() {
        Map<String, String> settings = server.settings();
        settings.put("smtpUser", TestMailServer.SHOP);
        settings.put("smtpPassword", "wrong");

        assertThatThrownBy(() -> channel.check(settings))
                .hasMessageContaining("SMTP server")
                .hasMessageContaining("rejected the user name or password");
    }

    @Test
    void checkExplainsAHostThatDoesNotAnswer() throws Exception {
        Map<String, String> settings = server.settings();
        settings.put("imapPort", String.valueOf(freePort()));

        assertThatThrownBy(() -> channel.check(settings)).hasMessageContaining("Nothing answers at 127.0.0.1:");
    }

    @Test
    void checkExplainsAMissingFolder() {
        Map<String, String> settings = server.settings();
        settings.put("imapFolder", "Soporte");

        assertThatThrownBy(() -> channel.check(settings)).hasMessageContaining("has no folder \"Soporte\"");
    }

    @Test
    void theSubjectCarriesTheConversationTokenOnce() {
        assertThat(EmailChannel.subject("Re: Pedido", "ATL-7K2M9Q")).isEqualTo("Re: Pedido [#ATL-7K2M9Q]");
        assertThat(EmailChannel.subject("Re: Pedido [#ATL-7K2M9Q]", "ATL-7K2M9Q"))
                .isEqualTo("Re: Pedido [#ATL-7K2M9Q]");
        assertThat(EmailChannel.subject(null, "ATL-7K2M9Q")).isEqualTo("Re: your message [#ATL-7K2M9Q]");
    }

    @Test
    void aRetriedSendKeepsTheSameMessageId() throws Exception {
        EmailSettings settings = EmailSettings.of(server.settings());
        UUID id = UUID.randomUUID();
        SendingEmail.Outgoing mail = new SendingEmail.Outgoing(
                id,
                new Party(IdentityKind.EMAIL, TestMailServer.CUSTOMER, "Lucía"),
                "Hola",
                "Texto con eñe",
                null,
                "<q@example.org>",
                List.of("<p@example.org>"));

        String first = sending.send(settings, mail);
        String second = sending.send(settings, mail);

        assertThat(first).isEqualTo(second).isEqualTo("<" + id + "@example.com>");
        List<MimeMessage> received = server.customerMailbox();
        assertThat(received).extracting(MimeMessage::getMessageID).containsExactly(first, first);
        assertThat(received.getFirst().getHeader("References", " ")).isEqualTo("<p@example.org> <q@example.org>");
        assertThat(((String) received.getFirst().getContent()).strip()).isEqualTo("Texto con eñe");
    }

    @Test
    void anInvalidRecipientFailsPermanently() {
        SendingEmail.Outgoing mail = new SendingEmail.Outgoing(
                UUID.randomUUID(),
                new Party(IdentityKind.EMAIL, "not an address", null),
                "Hola",
                "x",
                null,
                null,
                List.of());

        assertThatThrownBy(() -> sending.send(EmailSettings.of(server.settings()), mail))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("not a valid e-mail address");
    }

    @Test
    void anUnreachableServerFailsTemporarily() throws Exception {
        Map<String, String> values = server.settings();
        values.put("smtpPort", String.valueOf(freePort()));
        SendingEmail.Outgoing mail = new SendingEmail.Outgoing(
                UUID.randomUUID(),
                new Party(IdentityKind.EMAIL, TestMailServer.CUSTOMER, null),
                "Hola",
                "x",
                null,
                null,
                List.of());

        assertThatThrownBy(() -> sending.send(EmailSettings.of(values), mail))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void settingsNeverShowPasswords() {
        assertThat(EmailSettings.of(server.settings()).toString()).doesNotContain(TestMailServer.PASSWORD);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
