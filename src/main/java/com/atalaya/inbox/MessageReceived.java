package com.atalaya.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbound message was appended to a conversation: a snapshot for triage, service levels,
 * analytics and notifications, so they need not call back. Delivered as an element of
 * {@link MessagesReceived}, once per message.
 *
 * @param acceptedAt when the channel acknowledged the message
 */
public record MessageReceived(
        UUID workspaceId,
        UUID conversationId,
        long conversationNumber,
        UUID messageId,
        String channelType,
        String contactName,
        String subject,
        String preview,
        boolean newConversation,
        boolean automated,
        UUID assigneeId,
        UUID teamId,
        Instant acceptedAt) {}
