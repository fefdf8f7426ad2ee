package com.atalaya.channels.email;

import com.atalaya.channels.FileStore;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.StoredFile;
import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Translates one MIME message into an {@link InboundMessage}: ids, thread references, sender,
 * text, sanitized HTML, attachments and whether a machine sent it. Stateless and thread-safe.
 */
class EmailParser {

    /** Where attachments go; {@link FileStore} in the application, memory in tests. */
    interface Attachments {

        /** Stores one file; throws {@link FileStore.TooLargeException} above {@link #maxBytes()}. */
        StoredFile store(String fileName, String contentType, InputStream in) throws IOException;

        long maxBytes();
    }

    static final int MAX_ID_LENGTH = 998;
    static final int MAX_REFERENCES = 100;
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> MACHINE_SENDERS = Set.of("mailer-daemon", "postmaster");

    /** No scripts, event handlers, forms or images (remote images would tell the sender the mail was read). */
    private static final PolicyFactory HTML_POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder().allowElements("hr", "pre", "br").toFactory());

    /** The provider id of a message: its Message-ID, or a stable hash of its content when it has none. */
    String providerMessageId(MimeMessage message) throws MessagingException, IOException {
        String header = message.getHeader("Message-ID", null);
        if (header != null) {
            Matcher id = MSG_ID.matcher(header);
            String found = id.find() ? id.group() : header.isBlank() ? null : "<" + header.strip() + ">";
            if (found != null && found.length() <= MAX_ID_LENGTH && !found.matches(".*\\s.*")) {
                return found;
            }
        }
        return syntheticId(message);
    }

    InboundMessage parse(MimeMessage message, Attachments attachments) throws MessagingException, IOException {
        String id = providerMessageId(message);
        Party sender = sender(message);
        Body body = new Body(attachments);
        body.walk(message);
        String html = body.html.isEmpty() ? null : HTML_POLICY.sanitize(String.join("\n", body.html));
        if (html != null && html.isBlank()) {
            html = null;
        }
        String text = body.plain.isEmpty()
                ? body.html.isEmpty() ? "" : htmlToText(String.join("\n", body.html))
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
                references(message, id),
                null,
                body.files,
                sent == null ? null : sent.toInstant(),
                automated(message, sender));
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
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("atalaya-mail-", ".eml");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(copy)) {
                message.writeTo(out);
            }
            try (InputStream raw = java.nio.file.Files.newInputStream(copy)) {
                files.add(attachments.store("original.eml", "message/rfc822", raw));
            }
        } catch (FileStore.TooLargeException e) {
            note = "[This e-mail could not be read and is larger than " + Body.megabytes(attachments.maxBytes())
                    + "; open it in the mailbox]";
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
        Date sent = message.getSentDate();
        return new InboundMessage(
                id,
                sender,
                subject(message),
                note,
                null,
                references(message, id),
                null,
                files,
                sent == null ? null : sent.toInstant(),
                automated(message, sender));
    }

    /** References then In-Reply-To: oldest first, the message answered last, each once. */
    static List<String> references(MimeMessage message, String ownId) throws MessagingException {
        List<String> all = new ArrayList<>();
        all.addAll(ids(message.getHeader("References", " ")));
        all.addAll(ids(message.getHeader("In-Reply-To", " ")));
        all.remove(ownId);
        LinkedHashSet<String> lastWins = new LinkedHashSet<>();
        for (String ref : all) {
            lastWins.remove(ref);
            lastWins.add(ref);
        }
        List<String> refs = new ArrayList<>(lastWins);
        return refs.size() > MAX_REFERENCES ? refs.subList(refs.size() - MAX_REFERENCES, refs.size()) : refs;
    }

    /** Auto-replies, bounces, read receipts and bulk mail (RFC 3834 and the headers vendors use instead). */
    static boolean automated(MimeMessage message, Party sender) throws MessagingException {
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

    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            String words = text.text();
                            if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                                out.append(words);
                            }
                        } else if (node instanceof Element element) {
                            if (element.nameIs("br")) {
                                out.append('\n');
                            } else if (element.isBlock()) {
                                newLine(out);
                                if (element.nameIs("li")) {
                                    out.append("- ");
                                }
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && element.isBlock()) {
                            newLine(out);
                        }
                    }
                },
                doc.body());
        return out.toString()
                .lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = MSG_ID.matcher(header);
            while (m.find()) {
                if (m.group().length() <= MAX_ID_LENGTH) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
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

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }

    private static String syntheticId(MimeMessage message) throws MessagingException, IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String name : List.of("Date", "From", "Subject")) {
            String value = message.getHeader(name, "\n");
            sha.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        try (InputStream raw = message.getRawInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = raw.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return "<" + HexFormat.of().formatHex(sha.digest()) + "@synthetic.atalaya.invalid>";
    }

    /** Whether a failure means the server connection is gone (retry later) rather than a broken message. */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FolderClosedException
                    || t instanceof StoreClosedException
                    || t instanceof MessageRemovedException
                    // what IMAP content streams throw when the folder closes or the message is expunged
                    || t.getClass().getSimpleName().equals("FolderClosedIOException")
                    || t.getClass().getSimpleName().equals("MessageRemovedIOException")
                    || t instanceof org.eclipse.angus.mail.iap.ConnectionException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Collects the readable text, HTML and files of a message's MIME tree. */
    private static final class Body {

        final Attachments attachments;
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<StoredFile> files = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int unnamed;

        Body(Attachments attachments) {
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
                    if (connectionLost(e)) {
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
                if (connectionLost(e)) {
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

        private static String megabytes(long bytes) {
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
}
