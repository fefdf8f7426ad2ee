package com.atalaya.channels.email;

import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.stereotype.Component;

/** Sends one e-mail over a connection's SMTP server. Safe to retry: the Message-ID stays the same. */
@Component
class SendingEmail {

    /**
     * @param messageId Atalaya's id of what is sent; it makes the Message-ID
     * @param references provider ids of the thread, oldest first
     */
    record Outgoing(
            UUID messageId,
            Party to,
            String subject,
            String text,
            String html,
            String inReplyTo,
            List<String> references) {}

    static String messageId(UUID messageId, String domain) {
        return "<" + messageId + "@" + domain + ">";
    }

    /** Returns the Message-ID, which threads the recipient's answer back (In-Reply-To). */
    String send(EmailSettings settings, Outgoing mail) throws DeliveryException {
        if (settings.smtpHost().isEmpty()) {
            throw DeliveryException.permanent("The e-mail channel has no SMTP server");
        }
        if (mail.to() == null
                || mail.to().kind() != IdentityKind.EMAIL
                || mail.to().address() == null
                || mail.to().address().isBlank()) {
            throw DeliveryException.permanent("There is no e-mail address to send this message to");
        }
        Session session = settings.smtpSession();
        String id = messageId(mail.messageId(), settings.fromDomain());
        MimeMessage message = build(session, settings, mail, id);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(
                    settings.smtpHost(),
                    settings.smtpPort(),
                    settings.smtpUser().isEmpty() ? null : settings.smtpUser(),
                    settings.smtpUser().isEmpty() ? null : settings.smtpPassword());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e, settings);
        }
        return id;
    }

    private static MimeMessage build(Session session, EmailSettings settings, Outgoing mail, String id)
            throws DeliveryException {
        try {
            MimeMessage message = new FixedIdMessage(session, id);
            message.setFrom(new InternetAddress(
                    settings.fromAddress(), settings.fromName().isEmpty() ? null : settings.fromName(), "UTF-8"));
            InternetAddress to;
            try {
                to = new InternetAddress(mail.to().address().strip(), true);
                to.validate();
                String name = mail.to().displayName();
                if (name != null && !name.isBlank()) {
                    to.setPersonal(name.strip(), "UTF-8");
                }
            } catch (AddressException e) {
                throw DeliveryException.permanent(
                        "The address " + mail.to().address() + " is not a valid e-mail address");
            }
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(mail.subject() == null ? "" : mail.subject(), "UTF-8");
            message.setSentDate(new Date());
            List<String> references = new ArrayList<>(mail.references());
            if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
                message.setHeader("In-Reply-To", mail.inReplyTo().strip());
                references.remove(mail.inReplyTo().strip());
                references.add(mail.inReplyTo().strip());
            }
            references.removeIf(r -> r == null || r.isBlank() || r.equals(id));
            if (!references.isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12, String.join(" ", references)));
            }
            String text = mail.text() == null ? "" : mail.text();
            if (mail.html() == null || mail.html().isBlank()) {
                message.setText(text, "UTF-8");
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html(), "UTF-8", "html");
                message.setContent(new MimeMultipart("alternative", plain, html));
            }
            message.saveChanges();
            return message;
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw DeliveryException.permanent("The message could not be composed: " + e.getMessage());
        }
    }

    private static DeliveryException classify(MessagingException e, EmailSettings settings) {
        String server = "SMTP server " + settings.smtpHost() + ":" + settings.smtpPort();
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryException("The " + server + " rejected the user name or password", true, e);
        }
        if (e instanceof SendFailedException failed) {
            Address[] invalid = failed.getInvalidAddresses();
            for (Exception next = failed; next instanceof MessagingException m; next = m.getNextException()) {
                if (next instanceof SMTPAddressFailedException address) {
                    return new DeliveryException(
                            "The " + server + " refused the recipient " + address.getAddress() + ": "
                                    + address.getMessage().strip(),
                            address.getReturnCode() >= 500,
                            e);
                }
                if (next instanceof SMTPSendFailedException rejected) {
                    return new DeliveryException(
                            "The " + server + " refused the message: "
                                    + rejected.getMessage().strip(),
                            rejected.getReturnCode() >= 500,
                            e);
                }
            }
            if (invalid != null && invalid.length > 0) {
                return new DeliveryException("The " + server + " refused the recipient " + invalid[0], true, e);
            }
        }
        return DeliveryException.temporary(
                MailProblems.explain(e, "SMTP", settings.smtpHost(), settings.smtpPort()), e);
    }

    /** A message whose Message-ID is given, not generated, so that a retry keeps the same id. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
