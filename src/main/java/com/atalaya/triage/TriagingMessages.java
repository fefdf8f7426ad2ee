package com.atalaya.triage;

import com.atalaya.inbox.ConversationFacts;
import com.atalaya.inbox.MessageReceived;
import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.SentimentLabel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Triages every inbound customer message once (the triage row is keyed by the message) and gives
 * its conversation the priority triage computed, in the transaction that appends the message, so a
 * message never shows in the inbox untriaged. Auto-replies and bounces are not triaged.
 */
@Component
class TriagingMessages {

    private final Triaging triaging;
    private final ConversationFacts facts;
    private final MessageTriages triages;
    private final Counter triaged;
    private final Timer latency;
    private final EntityManager entities;

    TriagingMessages(
            Triaging triaging,
            ConversationFacts facts,
            MessageTriages triages,
            MeterRegistry meters,
            EntityManager entities) {
        this.entities = entities;
        this.triaging = triaging;
        this.facts = facts;
        this.triages = triages;
        this.triaged = Counter.builder("atalaya.inbound.messages.triaged")
                .description("Inbound messages triaged")
                .register(meters);
        this.latency = Timer.builder("atalaya.inbound.triage.latency")
                .description("From acknowledgement until the message is triaged and committed")
                .publishPercentileHistogram()
                .register(meters);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MessageReceived event) {
        if (event.automated() || triages.existsById(event.messageId())) {
            return;
        }
        facts.inboundMessage(event.workspaceId(), event.messageId()).ifPresent(m -> {
            long negativeLastDay = m.contactId() == null
                    ? 0
                    : triages.countByWorkspaceIdAndContactIdAndSentimentAndCreatedAtAfter(
                            event.workspaceId(),
                            m.contactId(),
                            SentimentLabel.NEGATIVE.code(),
                            Instant.now().minus(Duration.ofDays(1)));
            int earlier = m.contactId() == null
                    ? 0
                    : facts.earlierConversations(event.workspaceId(), m.contactId(), m.conversationId());
            Triaged t = triaging.triage(
                    event.workspaceId(),
                    m.text(),
                    m.channelType(),
                    new AuthorHistory((int) negativeLastDay + 1, earlier, null, null));
            entities.persist(new MessageTriage(
                    m.messageId(), event.workspaceId(), m.conversationId(), m.contactId(), m.channelType(), t));
            facts.prioritise(event.workspaceId(), m.conversationId(), t.priority(), event.newConversation());
            countAfterCommit(event.acceptedAt());
        });
    }

    private void countAfterCommit(Instant acceptedAt) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                triaged.increment();
                if (acceptedAt != null) {
                    latency.record(Duration.between(acceptedAt, Instant.now()));
                }
            }
        });
    }
}
