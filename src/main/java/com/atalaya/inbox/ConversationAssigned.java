package com.atalaya.inbox;

import java.util.UUID;

/** A conversation got a new assignee (null when unassigned). */
public record ConversationAssigned(
        UUID workspaceId, UUID conversationId, long conversationNumber, UUID assigneeId, UUID byUserId) {}
