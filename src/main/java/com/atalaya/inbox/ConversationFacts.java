package com.atalaya.inbox;

import java.time.Instant;
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

    @Transactional(readOnly = true)
    public Optional<InboundText> inboundMessage(UUID workspaceId, UUID messageId) {
        return messages.findByIdAndWorkspaceId(messageId, workspaceId)
                .filter(m -> m.getKind() == MessageKind.INBOUND)
                .flatMap(m -> conversations
                        .findByIdAndWorkspaceId(m.getConversationId(), workspaceId)
                        .map(c -> new InboundText(
                                m.getId(),
                                c.getId(),
                                c.getContactId(),
                                c.getChannelType(),
                                m.getBodyText() == null ? "" : m.getBodyText(),
                                m.getCreatedAt())));
    }

    /** How many other conversations the contact has had with the workspace. */
    @Transactional(readOnly = true)
    public int earlierConversations(UUID workspaceId, UUID contactId, UUID conversationId) {
        return (int)
                conversations.findByWorkspaceIdAndContactIdOrderByLastMessageAtDesc(workspaceId, contactId).stream()
                        .filter(c -> !c.getId().equals(conversationId))
                        .count();
    }

    /**
     * Sets the priority triage computed: on a new conversation still at the default priority as
     * computed (it may lower it), otherwise only upward, so an agent's choice is never lowered by
     * a machine.
     */
    public void prioritise(UUID workspaceId, UUID conversationId, Priority priority, boolean newConversation) {
        conversations.findByIdAndWorkspaceId(conversationId, workspaceId).ifPresent(c -> {
            boolean raise = priority.ordinal() < c.getPriority().ordinal();
            boolean firstSetting = newConversation && c.getPriority() == Priority.NORMAL;
            if ((firstSetting && priority != c.getPriority()) || raise) {
                c.changePriority(priority);
                events.publishEvent(new ConversationChanged(workspaceId, conversationId, "priority", null));
            }
        });
    }
}
