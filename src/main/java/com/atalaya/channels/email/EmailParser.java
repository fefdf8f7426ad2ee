package com.atalaya.channels.email;

import com.atalaya.channels.FileStore;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.StoredFile;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Translates one MIME message into an {@link InboundMessage}: ids and thread references
 * ({@link MessageIds}), sender, text and sanitized HTML ({@link MimeBody}, {@link MailHtml}),
 * attachments and whether a machine sent it ({@link AutomatedMail}). Stateless and thread-safe.
 */
class EmailParser {

    /** Where attachments go; {@link FileStore} in the application, memory in tests. */
    interface Attachments {

        /** Stores one file; throws {@link FileStore.TooLargeException} above {@link #maxBytes()}. */
        StoredFile store(String fileName, String contentType, InputStream in) throws IOException;

        long maxBytes();
    }

    /** The provider id of a message: its Message-ID, or a stable hash of its content when it has none. */
    String providerMessageId(MimeMessage message) throws MessagingException, IOException {
        return MessageIds.providerMessageId(message);
    }

    InboundMessage parse(MimeMessage message, Attachments attachments) throws MessagingException, IOException {
        String id = providerMessageId(message);
        Party sender = sender(message);
        MimeBody body = new MimeBody(attachments);
        body.walk(message);
        String html = body.html.isEmpty() ? null : MailHtml.sanitize(String.join("\n", body.html));
        String text = body.plain.isEmpty()
                ? body.html.isEmpty() ? "" : MailHtml.toText(String.join("\n", body.html))
                : String.join("\n\n", body.plain).strip();
        if (!body.notes.isEmpty()) {
            text = (text.isEmpty() ? "" : text + "\n\n") + String.join("\n", body.notes);
        }
        Date sent = message.getSentDate();
        return new InboundMessage(
                id,
                sender,
                subject(message),
                text,
                html,
                MessageIds.references(message, id),
                null,
                body.files,
                sent == null ? null : sent.toInstant(),
                AutomatedMail.isAutomated(message, sender));
    }

    /**
     * A message whose MIME structure cannot be read: kept with its headers and the whole original
     * as an .eml attachment, so that nothing is lost.
     */
    InboundMessage unreadable(MimeMessage message, Attachments attachments) throws MessagingException, IOException {
        String id = providerMessageId(message);
        Party sender = sender(message);
        List<StoredFile> files = new ArrayList<>();
        String note = "[This e-mail could not be read; the original is attached]";
        Path copy = Files.createTempFile("atalaya-mail-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                message.writeTo(out);
            }
            try (InputStream raw = Files.newInputStream(copy)) {
                files.add(attachments.store("original.eml", "message/rfc822", raw));
            }
        } catch (FileStore.TooLargeException e) {
            note = "[This e-mail could not be read and is larger than " + MimeBody.megabytes(attachments.maxBytes())
                    + "; open it in the mailbox]";
        } finally {
            Files.deleteIfExists(copy);
        }
        Date sent = message.getSentDate();
        return new InboundMessage(
                id,
                sender,
                subject(message),
                note,
                null,
                MessageIds.references(message, id),
                null,
                files,
                sent == null ? null : sent.toInstant(),
                AutomatedMail.isAutomated(message, sender));
    }

    private static Party sender(MimeMessage message) throws MessagingException {
        for (String name : List.of("From", "Sender", "Reply-To")) {
            String header = message.getHeader(name, ",");
            if (header == null) {
                continue;
            }
            Address[] addresses;
            try {
                addresses = InternetAddress.parseHeader(header, false);
            } catch (AddressException e) {
                continue;
            }
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet
                        && internet.getAddress() != null
                        && internet.getAddress().contains("@")) {
                    String personal = internet.getPersonal();
                    return new Party(
                            IdentityKind.EMAIL,
                            internet.getAddress().strip(),
                            personal == null || personal.isBlank() ? null : personal.strip());
                }
            }
        }
        return new Party(IdentityKind.EMAIL, "unknown@invalid", null);
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? null : subject.replaceAll("[\\r\\n]+\\s*", " ").strip();
    }
}
