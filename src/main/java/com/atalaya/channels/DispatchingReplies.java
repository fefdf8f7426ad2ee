package com.atalaya.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(2);

    private final OutboundDeliveries deliveries;
    private final ChannelConnections connections;
    private final ChannelRegistry registry;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Counter attempts;

    DispatchingReplies(
            OutboundDeliveries deliveries,
            ChannelConnections connections,
            ChannelRegistry registry,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            JsonMapper json,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.connections = connections;
        this.registry = registry;
        this.events = events;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.json = json;
        this.attempts = Counter.builder("atalaya.outbound.attempts")
                .description("Replies handed to a channel adapter (each claimed attempt, first sends and retries)")
                .register(meters);
    }

    /** Stores the delivery, then makes the first attempt; no transaction is open while the adapter sends. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OutboundMessageRequested request) {
        tx.executeWithoutResult(s -> {
            if (deliveries.findByMessageId(request.messageId()).isEmpty()) {
                deliveries.save(new OutboundDelivery(request, json.writeValueAsString(request)));
            }
        });
        attempt(request.messageId());
    }

    @Scheduled(fixedDelayString = "${atalaya.outbound.retry-every:15s}")
    @SchedulerLock(name = "outbound-retries", lockAtMostFor = "PT2M")
    void retryDue() {
        deliveries
                .findTop50ByStatusAndNextAttemptAtBeforeOrderByNextAttemptAt(
                        OutboundDelivery.Status.PENDING, Instant.now())
                .forEach(d -> attempt(d.getMessageId()));
    }

    /** An adapter's unexpected exception counts as a temporary failure, so it is retried and counted. */
    private static String send(ChannelAdapter adapter, ChannelConnection connection, OutboundMessageRequested request)
            throws DeliveryException {
        try {
            return adapter.send(connection, request);
        } catch (RuntimeException e) {
            throw DeliveryException.temporary("Unexpected error: " + e, e);
        }
    }

    /**
     * Claims the delivery (a conditional update: one node, one attempt at a time), calls the adapter
     * outside any transaction, then records the outcome. A claim left by a crash expires after
     * {@link #CLAIM}, and the retry resends with the same provider-facing id (e-mail: Message-ID).
     */
    void attempt(UUID messageId) {
        try {
            Instant now = Instant.now();
            Integer claimed = tx.execute(s -> deliveries.claim(messageId, now, now.plus(CLAIM)));
            if (claimed == null || claimed == 0) {
                log.debug("Delivery of {} is done or being attempted elsewhere", messageId);
                return;
            }
            OutboundDelivery delivery = deliveries.findByMessageId(messageId).orElseThrow();
            OutboundMessageRequested request = json.readValue(delivery.getRequest(), OutboundMessageRequested.class);
            String providerId = null;
            DeliveryException failure = null;
            try {
                ChannelConnection connection = connections
                        .find(delivery.getWorkspaceId(), delivery.getConnectionId())
                        .orElseThrow(() -> DeliveryException.permanent("The channel connection no longer exists"));
                ChannelAdapter adapter = registry.adapter(connection.getType())
                        .orElseThrow(() -> DeliveryException.permanent("No adapter for " + connection.getType()));
                attempts.increment();
                providerId = send(adapter, connection, request);
            } catch (DeliveryException e) {
                failure = e;
            }
            String sentAs = providerId;
            DeliveryException failed = failure;
            tx.executeWithoutResult(s -> {
                OutboundDelivery current = deliveries.findByMessageId(messageId).orElseThrow();
                if (failed == null) {
                    current.delivered(sentAs);
                    events.publishEvent(
                            new OutboundMessageDelivered(current.getWorkspaceId(), messageId, sentAs, Instant.now()));
                } else {
                    boolean retrying = current.failed(failed.getMessage(), failed.isPermanent());
                    log.warn(
                            "Delivery of message {} failed (attempt {}): {}",
                            messageId,
                            current.getAttempts(),
                            failed.getMessage());
                    events.publishEvent(new OutboundMessageFailed(
                            current.getWorkspaceId(), messageId, failed.getMessage(), retrying));
                }
            });
        } catch (RuntimeException e) {
            log.error("Delivery of message {} crashed; it stays pending and is retried", messageId, e);
        }
    }
}
