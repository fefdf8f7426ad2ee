package com.atalaya.channels;

import java.util.List;
import java.util.UUID;

/**
 * An agent's reply to send through a channel connection. {@code messageId} identifies the reply
 * in the inbox and makes dispatch idempotent.
 *
 * @param inReplyTo provider id of the message being answered, if any
 * @param references provider ids of the thread so far, oldest first
 * @param referenceToken the conversation's token ("ATL-7K2M9Q") a channel may put in a subject
 */
public record OutboundMessageRequested(
        UUID workspaceId,
        UUID messageId,
        UUID conversationId,
        UUID connectionId,
        Party recipient,
        String subject,
        String text,
        String html,
        String inReplyTo,
        List<String> references,
        String referenceToken,
        String threadKey,
        String authorName) {

    public OutboundMessageRequested {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
