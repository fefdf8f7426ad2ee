package com.atalaya.channels.email;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.OutboundMessageRequested;
import com.atalaya.channels.SettingField;
import com.atalaya.channels.SettingField.Kind;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A mailbox as a channel: mail is read over IMAP by {@link SyncingMailboxes} and replies go out
 * over SMTP. Answers thread by Message-ID (In-Reply-To, References) and, failing that, by the
 * conversation's token in the subject.
 */
@Component
class EmailChannel implements ChannelAdapter {

    static final String TYPE = "email";
    static final String FALLBACK_SUBJECT = "Re: your message";
    private static final List<String> SECURITY = List.of("SSL", "STARTTLS", "NONE");

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            TYPE,
            List.of(
                    new SettingField("imapHost", Kind.TEXT, true, null),
                    new SettingField("imapPort", Kind.NUMBER, true, "993"),
                    new SettingField("imapSecurity", Kind.CHOICE, true, "SSL"),
                    new SettingField("imapUser", Kind.TEXT, true, null),
                    new SettingField("imapPassword", Kind.SECRET, true, null),
                    new SettingField("imapFolder", Kind.TEXT, true, "INBOX"),
                    new SettingField("smtpHost", Kind.TEXT, true, null),
                    new SettingField("smtpPort", Kind.NUMBER, true, "587"),
                    new SettingField("smtpSecurity", Kind.CHOICE, true, "STARTTLS"),
                    new SettingField("smtpUser", Kind.TEXT, false, null),
                    new SettingField("smtpPassword", Kind.SECRET, false, null),
                    new SettingField("fromAddress", Kind.EMAIL, true, null),
                    new SettingField("fromName", Kind.TEXT, false, null),
                    new SettingField("pollSeconds", Kind.NUMBER, true, "60"),
                    new SettingField("trustedCertificate", Kind.MULTILINE, false, null)),
            Map.of("imapSecurity", SECURITY, "smtpSecurity", SECURITY),
            false);

    /** Looked up lazily: ChannelConnections needs the registry of adapters, which includes this one. */
    private final ObjectProvider<ChannelConnections> connections;

    private final SendingEmail sending;

    EmailChannel(ObjectProvider<ChannelConnections> connections, SendingEmail sending) {
        this.connections = connections;
        this.sending = sending;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String send(ChannelConnection connection, OutboundMessageRequested message) throws DeliveryException {
        EmailSettings settings = EmailSettings.of(connections.getObject().settings(connection));
        return sending.send(
                settings,
                new SendingEmail.Outgoing(
                        message.messageId(),
                        message.recipient(),
                        subject(message.subject(), message.referenceToken()),
                        message.text(),
                        message.html(),
                        message.inReplyTo(),
                        message.references()));
    }

    /** Signs in to the IMAP and the SMTP server and opens the folder; the reason says what to fix. */
    @Override
    public void check(Map<String, String> values) throws DeliveryException {
        EmailSettings settings;
        try {
            settings = EmailSettings.of(values);
        } catch (IllegalArgumentException e) {
            throw new MailProblems.Problem("email.problem.certificateUnreadable").toDelivery(true, e);
        }
        try (Store store = settings.imapSession().getStore("imap")) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
            Folder folder = store.getFolder(settings.imapFolder());
            if (!folder.exists()) {
                throw new MailProblems.Problem(
                                "email.problem.noFolder",
                                "IMAP",
                                settings.imapHost(),
                                String.valueOf(settings.imapPort()),
                                settings.imapFolder())
                        .toDelivery(true, null);
            }
            folder.open(Folder.READ_ONLY);
            folder.close(false);
        } catch (MessagingException e) {
            throw MailProblems.problem(e, "IMAP", settings.imapHost(), settings.imapPort())
                    .toDelivery(true, e);
        }
        try (Transport transport = settings.smtpSession().getTransport("smtp")) {
            transport.connect(
                    settings.smtpHost(),
                    settings.smtpPort(),
                    settings.smtpUser().isEmpty() ? null : settings.smtpUser(),
                    settings.smtpUser().isEmpty() ? null : settings.smtpPassword());
        } catch (MessagingException e) {
            throw MailProblems.problem(e, "SMTP", settings.smtpHost(), settings.smtpPort())
                    .toDelivery(true, e);
        }
    }

    /** The subject with the conversation's token, the fallback that threads answers without references. */
    static String subject(String subject, String referenceToken) {
        String base = subject == null || subject.isBlank() ? FALLBACK_SUBJECT : subject.strip();
        if (referenceToken == null || referenceToken.isBlank()) {
            return base;
        }
        String token = "[#" + referenceToken + "]";
        return base.contains(token) ? base : base + " " + token;
    }
}
