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
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the new messages of an open IMAP folder. Each message is handed to
 * {@link ReceivingMessages} (durable and idempotent by Message-ID) before the checkpoint moves
 * past its UID, so a crash at any point re-reads at most the message in flight, which is then
 * recognised as already received.
 *
 * <p>The first import of a folder, and a rescan after its UIDVALIDITY changed, search by arrival
 * date instead of UID and write the checkpoint only when done; an interrupted scan is simply
 * repeated.
 */
@Component
class ImportingMail {

    private static final Logger log = LoggerFactory.getLogger(ImportingMail.class);

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
        log.debug("Connection {}: importing after UID {}", connection.getId(), lastUid);
        Message[] candidates = folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        int received = 0;
        for (Message message : sortedByUid(folder, candidates, lastUid + 1, Long.MAX_VALUE)) {
            if (stopped.getAsBoolean()) {
                break;
            }
            long uid = folder.getUID(message);
            if (receive(connection, message)) {
                received++;
            }
            advance(connection, folderName, uidValidity, uid);
        }
        return received;
    }

    private int scan(
            ChannelConnection connection, IMAPFolder folder, long uidValidity, Instant since, BooleanSupplier stopped)
            throws MessagingException, IOException {
        long upTo = lastVisibleUid(folder);
        Message[] found = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)));
        int received = 0;
        for (Message message : sortedByUid(folder, found, 1, upTo + 1)) {
            if (stopped.getAsBoolean()) {
                return received;
            }
            Date arrived = message.getReceivedDate();
            if (arrived != null && arrived.toInstant().isBefore(since)) {
                continue;
            }
            if (receive(connection, message)) {
                received++;
            }
        }
        advance(connection, folder.getFullName(), uidValidity, upTo);
        return received;
    }

    /** Hands one message over; false when it was received before or vanished from the server. */
    private boolean receive(ChannelConnection connection, Message message) throws MessagingException, IOException {
        MimeMessage mime = (MimeMessage) message;
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
                if (EmailParser.connectionLost(e)) {
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

    /** Messages with fromUid <= UID < toUid, in UID order (IMAP sequence numbers and UIDs ascend together). */
    private static List<Message> sortedByUid(IMAPFolder folder, Message[] messages, long fromUid, long toUid)
            throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        folder.fetch(messages, profile);
        List<Message> selected = new ArrayList<>();
        for (Message message : messages) {
            long uid = folder.getUID(message);
            if (uid >= fromUid && uid < toUid) {
                selected.add(message);
            }
        }
        selected.sort(Comparator.comparingInt(Message::getMessageNumber));
        return selected;
    }
}
