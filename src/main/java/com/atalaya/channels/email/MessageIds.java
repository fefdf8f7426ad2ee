package com.atalaya.channels.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of a MIME message: its own, which is the channel's idempotency key, and those of the
 * messages it answers, which thread it.
 */
final class MessageIds {

    static final int MAX_ID_LENGTH = 998;
    static final int MAX_REFERENCES = 100;
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

    private MessageIds() {}

    /**
     * The message's Message-ID, or, when it has none (or an unusable one), a synthetic id: a hash
     * of its Date, From and Subject headers and raw content, the same for every delivery of it.
     */
    static String providerMessageId(MimeMessage message) throws MessagingException, IOException {
        String header = message.getHeader("Message-ID", null);
        if (header != null) {
            Matcher id = MSG_ID.matcher(header);
            String found = id.find() ? id.group() : header.isBlank() ? null : "<" + header.strip() + ">";
            if (found != null && found.length() <= MAX_ID_LENGTH && !found.matches(".*\\s.*")) {
                return found;
            }
        }
        return synthetic(message);
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

    private static String synthetic(MimeMessage message) throws MessagingException, IOException {
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
}
