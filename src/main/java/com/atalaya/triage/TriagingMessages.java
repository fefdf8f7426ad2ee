package com.atalaya.triage;

import com.atalaya.inbox.ConversationFacts;
import com.atalaya.inbox.MessageReceived;
import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Triages every inbound customer message once (a redelivered event finds it done) and gives its
 * conversation the priority triage computed. Auto-replies and bounces are not triaged.
 */
@Component
class TriagingMessages {

    private final Triaging triaging;
    private final ConversationFacts facts;
    private final MessageTriages triages;

    TriagingMessages(Triaging triaging, ConversationFacts facts, MessageTriages triages) {
        this.triaging = triaging;
        this.facts = facts;
        this.triages = triages;
    }

    @ApplicationModuleListener
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
            triages.save(new MessageTriage(
                    m.messageId(), event.workspaceId(), m.conversationId(), m.contactId(), m.channelType(), t));
            facts.prioritise(event.workspaceId(), m.conversationId(), t.priority(), event.newConversation());
        });
    }
}
