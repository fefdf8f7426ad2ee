package com.atalaya.channels;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbound outbox. A requested reply is first stored as an {@link OutboundDelivery} (once per
 * message id), then sent; failures are retried with growing pauses up to
 * {@link OutboundDelivery#MAX_ATTEMPTS} and reported back as events.
 */
@Service
class DispatchingReplies {

    private static final Logger log = LoggerFactory.getLogger(DispatchingReplies.class);

    private final OutboundDeliveries deliveries;
    private final ChannelConnections connections;
    private final ChannelRegistry registry;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    DispatchingReplies(
            OutboundDeliveries deliveries,
            ChannelConnections connections,
            ChannelRegistry registry,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            JsonMapper json) {
        this.deliveries = deliveries;
        this.connections = connections;
        this.registry = registry;
        this.events = events;
        // A new transaction: attempt() also runs in afterCommit, where joining the finished one fails.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    @ApplicationModuleListener
    void on(OutboundMessageRequested request) {
        if (deliveries.findByMessageId(request.messageId()).isEmpty()) {
            deliveries.save(new OutboundDelivery(request, json.writeValueAsString(request)));
        }
        // Sent after this listener's transaction commits, so the delivery row exists even if sending dies.
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        attempt(request.messageId());
                    }
                });
    }

    @Scheduled(fixedDelayString = "${atalaya.outbound.retry-every:15s}")
    void retryDue() {
        deliveries
                .findTop50ByStatusAndNextAttemptAtBeforeOrderByNextAttemptAt(
                        OutboundDelivery.Status.PENDING, Instant.now())
                .forEach(d -> attempt(d.getMessageId()));
    }

    void attempt(UUID messageId) {
        try {
            tx.executeWithoutResult(status -> {
                OutboundDelivery delivery =
                        deliveries.findByMessageId(messageId).orElseThrow();
                if (delivery.getStatus() != OutboundDelivery.Status.PENDING) {
                    return;
                }
                OutboundMessageRequested request =
                        json.readValue(delivery.getRequest(), OutboundMessageRequested.class);
                try {
                    ChannelConnection connection = connections
                            .find(delivery.getWorkspaceId(), delivery.getConnectionId())
                            .orElseThrow(() -> DeliveryException.permanent("The channel connection no longer exists"));
                    ChannelAdapter adapter = registry.adapter(connection.getType())
                            .orElseThrow(() -> DeliveryException.permanent("No adapter for " + connection.getType()));
                    String providerId = adapter.send(connection, request);
                    delivery.delivered(providerId);
                    deliveries.saveAndFlush(delivery);
                    events.publishEvent(new OutboundMessageDelivered(
                            delivery.getWorkspaceId(), messageId, providerId, Instant.now()));
                } catch (DeliveryException e) {
                    boolean retrying = delivery.failed(e.getMessage(), e.isPermanent());
                    deliveries.saveAndFlush(delivery);
                    log.warn(
                            "Delivery of message {} failed (attempt {}): {}",
                            messageId,
                            delivery.getAttempts(),
                            e.getMessage());
                    events.publishEvent(
                            new OutboundMessageFailed(delivery.getWorkspaceId(), messageId, e.getMessage(), retrying));
                }
            });
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            log.debug("Delivery of {} is being attempted elsewhere", messageId);
        } catch (RuntimeException e) {
            log.error("Delivery of message {} crashed; it stays pending and is retried", messageId, e);
        }
    }
}
