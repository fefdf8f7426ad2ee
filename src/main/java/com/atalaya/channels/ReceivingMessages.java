package com.atalaya.channels;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one entry point for inbound messages. In the caller's transaction it stores a receipt keyed
 * by (connection, provider message id) and the message itself in the inbound queue, nothing else;
 * once that commits the channel may acknowledge: the message is durable, {@link InboundPipeline}
 * brings it to the inbox (after a crash too), and a redelivery of the same provider message is
 * ignored.
 */
@Service
public class ReceivingMessages {

    private final InboundQueue queue;
    private final InboundPipeline pipeline;
    private final JsonMapper json;

    ReceivingMessages(InboundQueue queue, InboundPipeline pipeline, JsonMapper json) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.json = json;
    }

    /** Returns the receipt id, or empty when this provider message was received before. */
    @Transactional
    public Optional<UUID> receive(ChannelConnection connection, InboundMessage message) {
        Instant now = Instant.now();
        UUID receiptId = UUID.randomUUID();
        if (!queue.insertReceipt(receiptId, connection.getId(), message.providerMessageId(), now)) {
            return Optional.empty();
        }
        int lane = pipeline.laneOf(connection.getWorkspaceId(), message.sender());
        queue.enqueue(receiptId, connection, lane, json.writeValueAsString(message), now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pipeline.accepted(lane);
            }
        });
        return Optional.of(receiptId);
    }

    @Transactional(readOnly = true)
    public boolean alreadyReceived(ChannelConnection connection, String providerMessageId) {
        return queue.received(connection.getId(), providerMessageId);
    }

    /**
     * Same sender, same lane: what one customer writes on one workspace reaches the inbox in order.
     * Stable across processes and nodes (no identity hash codes), so a restart keeps the lanes.
     */
    static int lane(UUID workspaceId, Party sender, int lanes) {
        String address =
                sender.address() == null ? "" : sender.address().strip().toLowerCase(Locale.ROOT);
        return Math.floorMod((workspaceId + "/" + sender.kind().name() + "/" + address).hashCode(), lanes);
    }
}
