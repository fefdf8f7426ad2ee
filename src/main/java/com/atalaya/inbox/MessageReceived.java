package com.atalaya.inbox;

import java.util.UUID;

/**
 * An inbound message was appended to a conversation: a snapshot for triage, service levels,
 * analytics and notifications, so they need not call back.
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
        UUID teamId) {}
