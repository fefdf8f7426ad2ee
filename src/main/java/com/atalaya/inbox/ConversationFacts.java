package com.atalaya.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (triage, later service levels and analytics) may read and set on a
 * conversation without an agent: always scoped by the workspace id they were given in an event.
 */
@Service
@Transactional
public class ConversationFacts {

    /** An inbound message as triage reads it. */
    public record InboundText(
            UUID messageId, UUID conversationId, UUID contactId, String channelType, String text, Instant receivedAt) {}

    private final Conversations conversations;
    private final Messages messages;
    private final ApplicationEventPublisher events;

    ConversationFacts(Conversations conversations, Messages messages, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
    }

    /** Read by id, so a message appended in this transaction comes from the persistence context, not the database. */
    @Transactional(readOnly = true)
    public Optional<InboundText> inboundMessage(UUID workspaceId, UUID messageId) {
        return messages.findById(messageId)
                .filter(m -> m.getWorkspaceId().equals(workspaceId) && m.getKind() == MessageKind.INBOUND)
                .flatMap(m -> conversation(workspaceId, m.getConversationId())
                        .map(c -> new InboundText(
                                m.getId(),
                                c.getId(),
                                c.getContactId(),
                                c.getChannelType(),
                                m.getBodyText() == null ? "" : m.getBodyText(),
                                m.getCreatedAt())));
    }

    /** How many conversations each of these contacts has had with the workspace (flushed ones). */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> conversationCounts(UUID workspaceId, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> counts = new HashMap<>();
        conversations
                .countByContact(workspaceId, contactIds)
                .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /**
     * Sets the priority triage computed: on a new conversation still at the default priority as
     * computed (it may lower it), otherwise only upward, so an agent's choice is never lowered by
     * a machine.
     */
    public void prioritise(UUID workspaceId, UUID conversationId, Priority priority, boolean newConversation) {
        conversation(workspaceId, conversationId).ifPresent(c -> {
            boolean raise = priority.ordinal() < c.getPriority().ordinal();
            boolean firstSetting = newConversation && c.getPriority() == Priority.NORMAL;
            if ((firstSetting && priority != c.getPriority()) || raise) {
                c.changePriority(priority);
                events.publishEvent(new ConversationChanged(workspaceId, conversationId, "priority", null));
            }
        });
    }

    private Optional<Conversation> conversation(UUID workspaceId, UUID conversationId) {
        return conversations
                .findById(conversationId)
                .filter(c -> c.getWorkspaceId().equals(workspaceId));
    }
}
