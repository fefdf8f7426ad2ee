package com.atalaya.channels.email;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.FileStore;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.channels.StoredFile;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the new messages of an open IMAP folder. Each message is handed to
 * {@link ReceivingMessages} (durable and idempotent by Message-ID) before the checkpoint moves
 * past its UID, so a crash at any point re-reads at most the last batch, whose messages are then
 * recognised as already received.
 *
 * <p>Messages are read in batches: one command lists the new UIDs with their sizes, one command
 * per batch brings whole messages of up to {@link #WHOLE_MAX_BYTES} (at most
 * {@link #BATCH_MESSAGES} or {@link #BATCH_BYTES} a batch), which are parsed locally, and the
 * checkpoint is written once per batch. Larger messages are read part by part, one at a time. No
 * database transaction is open while the server is asked anything.
 *
 * <p>The first import of a folder, and a rescan after its UIDVALIDITY changed, search by arrival
 * date instead of UID and write the checkpoint only when done; an interrupted scan is simply
 * repeated.
 */
@Component
class ImportingMail {

    static final int BATCH_MESSAGES = 100;
    static final long BATCH_BYTES = 8L * 1024 * 1024;
    static final long WHOLE_MAX_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportingMail.class);
    private static final Session LOCAL = Session.getInstance(new Properties());

    /** A message found on the server, before its content is read. */
    private record Listed(Message message, long uid, int size) {

        boolean whole() {
            return size >= 0 && size <= WHOLE_MAX_BYTES;
        }
    }

    private final ReceivingMessages receiving;
    private final FileStore files;
    private final EmailCheckpoints checkpoints;
    private final TransactionTemplate tx;
    private final EmailParser parser = new EmailParser();
    private final Duration initialWindow;

    ImportingMail(
            ReceivingMessages receiving,
            FileStore files,
            EmailCheckpoints checkpoints,
            TransactionTemplate tx,
            @Value("${atalaya.email.initial-import:7d}") Duration initialWindow) {
        this.receiving = receiving;
        this.files = files;
        this.checkpoints = checkpoints;
        this.tx = tx;
        this.initialWindow = initialWindow;
    }

    /** Imports what arrived since the checkpoint; returns how many messages were new. */
    int importNew(ChannelConnection connection, IMAPFolder folder, BooleanSupplier stopped)
            throws MessagingException, IOException {
        long uidValidity = folder.getUIDValidity();
        String folderName = folder.getFullName();
        Optional<EmailCheckpoint> checkpoint = checkpoints.findById(connection.getId());
        if (checkpoint.isEmpty() || !checkpoint.get().getFolder().equals(folderName)) {
            return scan(connection, folder, uidValidity, Instant.now().minus(initialWindow), stopped);
        }
        if (!checkpoint.get().covers(folderName, uidValidity)) {
            log.info(
                    "UIDVALIDITY of e-mail connection {} changed; rescanning, known messages are skipped",
                    connection.getId());
            return scan(
                    connection,
                    folder,
                    uidValidity,
                    checkpoint.get().getUpdatedAt().minus(Duration.ofDays(1)),
                    stopped);
        }
        long lastUid = checkpoint.get().getLastUid();
        Message[] candidates = folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        List<Listed> listed = listed(folder, candidates, lastUid + 1, Long.MAX_VALUE, null);
        if (!listed.isEmpty()) {
            log.debug("Connection {}: {} new after UID {}", connection.getId(), listed.size(), lastUid);
        }
        int received = 0;
        for (List<Listed> batch : batches(listed)) {
            if (stopped.getAsBoolean()) {
                break;
            }
            Imported imported = importBatch(connection, folder, batch, stopped);
            received += imported.received();
            if (imported.lastUid() > 0) {
                advance(connection, folderName, uidValidity, imported.lastUid());
            }
        }
        return received;
    }

    private int scan(
            ChannelConnection connection, IMAPFolder folder, long uidValidity, Instant since, BooleanSupplier stopped)
            throws MessagingException, IOException {
        long upTo = lastVisibleUid(folder);
        Message[] found = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)));
        int received = 0;
        for (List<Listed> batch : batches(listed(folder, found, 1, upTo + 1, since))) {
            if (stopped.getAsBoolean()) {
                return received;
            }
            received += importBatch(connection, folder, batch, stopped).received();
        }
        if (stopped.getAsBoolean()) {
            return received;
        }
        advance(connection, folder.getFullName(), uidValidity, upTo);
        return received;
    }

    /** How a batch went: messages new to Atalaya, and the UID of the last one handed over (0 for none). */
    private record Imported(int received, long lastUid) {}

    private Imported importBatch(
            ChannelConnection connection, IMAPFolder folder, List<Listed> batch, BooleanSupplier stopped)
            throws MessagingException, IOException {
        Map<Long, MimeMessage> whole =
                wholeMessages(folder, batch.stream().filter(Listed::whole).toList());
        int received = 0;
        long lastUid = 0;
        for (Listed listed : batch) {
            if (stopped.getAsBoolean()) {
                break;
            }
            MimeMessage mime = whole.getOrDefault(listed.uid(), (MimeMessage) listed.message());
            if (receive(connection, mime)) {
                received++;
            }
            lastUid = listed.uid();
        }
        return new Imported(received, lastUid);
    }

    /**
     * Whole messages by UID, in one UID FETCH. Untagged responses (new mail, expunges, flags) go to
     * the folder as for any other command. A message missing from the answer (expunged meanwhile)
     * is read part by part instead, or found gone.
     */
    private static Map<Long, MimeMessage> wholeMessages(IMAPFolder folder, List<Listed> messages)
            throws MessagingException {
        if (messages.isEmpty()) {
            return Map.of();
        }
        String uids = messages.stream().map(m -> String.valueOf(m.uid())).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        Map<Long, ByteArray> bodies = (Map<Long, ByteArray>) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uids + " (UID BODY.PEEK[])", null);
            Map<Integer, ByteArray> bySequence = new HashMap<>();
            Map<Integer, Long> uidBySequence = new HashMap<>();
            for (Response response : responses) {
                if (response instanceof FetchResponse fetched) {
                    BODY body = fetched.getItem(BODY.class);
                    if (body != null && body.getByteArray() != null) {
                        bySequence.put(fetched.getNumber(), body.getByteArray());
                    }
                    UID uid = fetched.getItem(UID.class);
                    if (uid != null) {
                        uidBySequence.put(fetched.getNumber(), uid.uid);
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            Map<Long, ByteArray> byUid = new HashMap<>();
            bySequence.forEach((sequence, bytes) -> {
                Long uid = uidBySequence.get(sequence);
                if (uid != null) {
                    byUid.put(uid, bytes);
                }
            });
            return byUid;
        });
        Map<Long, MimeMessage> parsed = new HashMap<>();
        for (Map.Entry<Long, ByteArray> entry : bodies.entrySet()) {
            ByteArray bytes = entry.getValue();
            parsed.put(
                    entry.getKey(),
                    new MimeMessage(
                            LOCAL,
                            new SharedByteArrayInputStream(bytes.getBytes(), bytes.getStart(), bytes.getCount())));
        }
        return parsed;
    }

    /** Hands one message over; false when it was received before or vanished from the server. */
    private boolean receive(ChannelConnection connection, MimeMessage mime) throws MessagingException, IOException {
        try {
            String providerId = parser.providerMessageId(mime);
            if (receiving.alreadyReceived(connection, providerId)) {
                return false;
            }
            EmailParser.Attachments attachments = attachments(connection);
            InboundMessage inbound;
            try {
                inbound = parser.parse(mime, attachments);
            } catch (MessagingException | IOException | RuntimeException e) {
                if (MailProblems.connectionLost(e)) {
                    throw e;
                }
                log.warn(
                        "E-mail {} of connection {} could not be parsed ({}); keeping the original",
                        providerId,
                        connection.getId(),
                        e.toString());
                inbound = parser.unreadable(mime, attachments);
            }
            log.debug("Connection {}: received {}", connection.getId(), providerId);
            try {
                return receiving.receive(connection, inbound).isPresent();
            } catch (DataIntegrityViolationException e) {
                return false;
            }
        } catch (MessageRemovedException e) {
            return false;
        }
    }

    private void advance(ChannelConnection connection, String folder, long uidValidity, long lastUid) {
        tx.executeWithoutResult(status -> {
            EmailCheckpoint checkpoint = checkpoints
                    .findById(connection.getId())
                    .orElseGet(() -> new EmailCheckpoint(connection.getId(), folder, uidValidity, lastUid));
            checkpoint.advance(folder, uidValidity, lastUid);
            checkpoints.save(checkpoint);
        });
    }

    private EmailParser.Attachments attachments(ChannelConnection connection) {
        return new EmailParser.Attachments() {
            @Override
            public StoredFile store(String fileName, String contentType, InputStream in) throws IOException {
                return files.store(connection.getWorkspaceId(), fileName, contentType, in);
            }

            @Override
            public long maxBytes() {
                return files.maxBytes();
            }
        };
    }

    /**
     * The UID of the last message the folder lists now. Not UIDNEXT: a server may hand out a UID
     * before the message becomes visible, and the checkpoint must never pass a message not yet seen.
     */
    private static long lastVisibleUid(IMAPFolder folder) throws MessagingException {
        int count = folder.getMessageCount();
        return count == 0 ? 0 : folder.getUID(folder.getMessage(count));
    }

    /**
     * Messages with fromUid <= UID < toUid that arrived at or after {@code since} (when given), in
     * UID order (IMAP sequence numbers and UIDs ascend together), with their sizes: one FETCH.
     */
    private static List<Listed> listed(IMAPFolder folder, Message[] messages, long fromUid, long toUid, Instant since)
            throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        if (since != null) {
            profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        }
        folder.fetch(messages, profile);
        List<Listed> selected = new ArrayList<>();
        for (Message message : messages) {
            try {
                long uid = folder.getUID(message);
                if (uid < fromUid || uid >= toUid) {
                    continue;
                }
                if (since != null) {
                    Date arrived = message.getReceivedDate();
                    if (arrived != null && arrived.toInstant().isBefore(since)) {
                        continue;
                    }
                }
                selected.add(new Listed(message, uid, message.getSize()));
            } catch (MessageRemovedException e) {
                // expunged since it was listed
            }
        }
        selected.sort(Comparator.comparingLong(Listed::uid));
        return selected;
    }

    /** Consecutive runs of at most BATCH_MESSAGES messages and BATCH_BYTES of whole messages. */
    private static List<List<Listed>> batches(List<Listed> messages) {
        List<List<Listed>> batches = new ArrayList<>();
        List<Listed> current = new ArrayList<>();
        long bytes = 0;
        for (Listed message : messages) {
            long size = message.whole() ? message.size() : 0;
            if (!current.isEmpty() && (current.size() == BATCH_MESSAGES || bytes + size > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(message);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
