package com.atalaya.triage;

import com.atalaya.inbox.ConversationFacts;
import com.atalaya.inbox.MessageReceived;
import com.atalaya.inbox.MessagesReceived;
import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.SentimentLabel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /**
     * The batch's author histories are read with two queries per workspace; a negative message
     * counts at once for the same author's later messages in the batch.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MessagesReceived batch) {
        Map<UUID, List<MessageReceived>> byWorkspace = batch.messages().stream()
                .filter(m -> !m.automated())
                .collect(Collectors.groupingBy(MessageReceived::workspaceId, LinkedHashMap::new, Collectors.toList()));
        byWorkspace.forEach(this::triage);
    }

    private void triage(UUID workspaceId, List<MessageReceived> received) {
        Set<UUID> done = triages
                .findByWorkspaceIdAndMessageIdIn(
                        workspaceId,
                        received.stream().map(MessageReceived::messageId).toList())
                .stream()
                .map(MessageTriage::getMessageId)
                .collect(Collectors.toSet());
        List<ConversationFacts.InboundText> texts = new ArrayList<>();
        Map<UUID, Boolean> isNew = new HashMap<>();
        List<MessageReceived> counted = new ArrayList<>();
        for (MessageReceived event : received) {
            if (done.add(event.messageId())) {
                facts.inboundMessage(workspaceId, event.messageId()).ifPresent(m -> {
                    texts.add(m);
                    counted.add(event);
                    isNew.put(m.messageId(), event.newConversation());
                });
            }
        }
        Set<UUID> contacts = texts.stream()
                .map(ConversationFacts.InboundText::contactId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, Integer> negativeLastDay = new HashMap<>();
        if (!contacts.isEmpty()) {
            triages.countByContact(
                            workspaceId,
                            contacts,
                            SentimentLabel.NEGATIVE.code(),
                            Instant.now().minus(Duration.ofDays(1)))
                    .forEach(row -> negativeLastDay.put((UUID) row[0], ((Number) row[1]).intValue()));
        }
        Map<UUID, Integer> conversations = facts.conversationCounts(workspaceId, contacts);
        for (ConversationFacts.InboundText m : texts) {
            int negative = m.contactId() == null ? 0 : negativeLastDay.getOrDefault(m.contactId(), 0);
            // Every conversation of the contact but this one, which is flushed already.
            int earlier = m.contactId() == null ? 0 : Math.max(0, conversations.getOrDefault(m.contactId(), 0) - 1);
            Triaged t = triaging.triage(
                    workspaceId, m.text(), m.channelType(), new AuthorHistory(negative + 1, earlier, null, null));
            entities.persist(new MessageTriage(
                    m.messageId(), workspaceId, m.conversationId(), m.contactId(), m.channelType(), t));
            if (m.contactId() != null && t.sentiment() == SentimentLabel.NEGATIVE) {
                negativeLastDay.merge(m.contactId(), 1, Integer::sum);
            }
            facts.prioritise(workspaceId, m.conversationId(), t.priority(), isNew.get(m.messageId()));
        }
        countAfterCommit(counted);
    }

    private void countAfterCommit(List<MessageReceived> received) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Instant now = Instant.now();
                triaged.increment(received.size());
                received.stream()
                        .map(MessageReceived::acceptedAt)
                        .filter(java.util.Objects::nonNull)
                        .forEach(at -> latency.record(Duration.between(at, now)));
            }
        });
    }
}
