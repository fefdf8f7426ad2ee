package com.atalaya.channels.webchat;

import com.atalaya.channels.ChannelConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Visitors' transcripts: reading them, and appending agents' replies with a live push to the visitor. */
@Service
@Transactional
class Transcripts {

    private final Visitors visitors;
    private final Lines lines;
    private final VisitorStreams streams;

    Transcripts(Visitors visitors, Lines lines, VisitorStreams streams) {
        this.visitors = visitors;
        this.lines = lines;
        this.streams = streams;
    }

    /**
     * Appends an agent's reply, once per {@code messageId}, and pushes it to the visitor's open
     * frames after commit. Empty when the visitor does not belong to this connection.
     */
    Optional<UUID> appendAgentLine(
            ChannelConnection connection, UUID visitorId, UUID messageId, String authorName, String text) {
        if (visitors.findByIdAndConnectionId(visitorId, connection.getId()).isEmpty()) {
            return Optional.empty();
        }
        if (lines.existsById(messageId)) {
            return Optional.of(messageId);
        }
        Line line = lines.save(new Line(messageId, visitorId, false, authorName, text, Instant.now()));
        LineView view = LineView.of(line);
        afterCommit(() -> streams.toVisitor(connection.getWorkspaceId(), visitorId, "line", view));
        return Optional.of(messageId);
    }

    /** The visitor's latest lines, oldest first. */
    @Transactional(readOnly = true)
    List<LineView> history(UUID visitorId) {
        List<LineView> recentFirst = new ArrayList<>(lines.findTop500ByVisitorIdOrderByCreatedAtDesc(visitorId).stream()
                .map(LineView::of)
                .toList());
        Collections.reverse(recentFirst);
        return recentFirst;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
