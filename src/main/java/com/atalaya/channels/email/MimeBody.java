package com.atalaya.channels.email;

import com.atalaya.channels.FileStore;
import com.atalaya.channels.StoredFile;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a message's MIME tree and collects its readable text and HTML parts and its files. A part
 * that cannot be read becomes a note in the text; a lost connection is thrown, to be retried.
 */
final class MimeBody {

    private final EmailParser.Attachments attachments;
    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final List<StoredFile> files = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private int unnamed;

    MimeBody(EmailParser.Attachments attachments) {
        this.attachments = attachments;
    }

    void walk(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
                return;
            }
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && (part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
            try {
                (part.isMimeType("text/plain") ? plain : html).add(text(part));
            } catch (IOException | MessagingException e) {
                if (MailProblems.connectionLost(e)) {
                    throw e;
                }
                notes.add("[a part of this message could not be read]");
            }
        } else {
            store(part, fileName);
        }
    }

    private void store(Part part, String fileName) throws MessagingException, IOException {
        String type = baseType(part);
        String name = fileName != null ? fileName : defaultName(type);
        try (InputStream in = part.getInputStream()) {
            files.add(attachments.store(name, type, in));
        } catch (FileStore.TooLargeException e) {
            notes.add("[attachment " + name + " omitted: larger than " + megabytes(attachments.maxBytes()) + "]");
        } catch (IOException | MessagingException e) {
            if (MailProblems.connectionLost(e)) {
                throw e;
            }
            notes.add("[attachment " + name + " omitted: it could not be read]");
        }
    }

    private String defaultName(String type) {
        unnamed++;
        return switch (type) {
            case "message/rfc822" -> "message-" + unnamed + ".eml";
            case "message/delivery-status", "text/rfc822-headers" -> "delivery-status-" + unnamed + ".txt";
            default ->
                type.startsWith("image/") && type.length() > 6
                        ? "image-" + unnamed + "." + type.substring(6).replaceAll("[^a-z0-9]", "")
                        : "attachment-" + unnamed;
        };
    }

    static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024) {
            return Math.round(bytes / (1024.0 * 1024.0)) + " MB";
        }
        return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name).strip();
        } catch (UnsupportedEncodingException e) {
            return name.strip();
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    /** The part as text in its declared charset; undeclared or unknown charsets read as UTF-8. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            if (part.getContent() instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: read the bytes below
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared));
            }
        } catch (ParseException | IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }
}
