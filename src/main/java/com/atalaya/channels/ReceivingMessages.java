package com.atalaya.channels;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one entry point for inbound messages. Stores a receipt keyed by (connection, provider
 * message id) and publishes {@link InboundMessageReceived} in the same transaction, so once this
 * returns the message is durable (the event registry re-delivers it after a crash) and a
 * redelivery of the same provider message is ignored.
 */
@Service
public class ReceivingMessages {

    private final InboundReceipts receipts;
    private final ApplicationEventPublisher events;

    ReceivingMessages(InboundReceipts receipts, ApplicationEventPublisher events) {
        this.receipts = receipts;
        this.events = events;
    }

    /** Returns the receipt id, or empty when this provider message was received before. */
    @Transactional
    public Optional<UUID> receive(ChannelConnection connection, InboundMessage message) {
        if (receipts.existsByConnectionIdAndProviderMessageId(connection.getId(), message.providerMessageId())) {
            return Optional.empty();
        }
        InboundReceipt receipt =
                receipts.saveAndFlush(new InboundReceipt(connection.getId(), message.providerMessageId()));
        events.publishEvent(new InboundMessageReceived(
                connection.getWorkspaceId(), connection.getId(), connection.getType(), message));
        return Optional.of(receipt.getId());
    }

    @Transactional(readOnly = true)
    public boolean alreadyReceived(ChannelConnection connection, String providerMessageId) {
        return receipts.existsByConnectionIdAndProviderMessageId(connection.getId(), providerMessageId);
    }
}
