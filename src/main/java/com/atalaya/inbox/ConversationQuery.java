package com.atalaya.inbox;

import java.util.UUID;

/**
 * Filters of the conversation list. {@code assignee} is "me", "unassigned", "any" or a user id.
 * All fields are optional. {@code byPriority} sorts urgent first, else the newest activity first.
 */
public record ConversationQuery(
        ConversationStatus status,
        String assignee,
        String channelType,
        UUID teamId,
        String text,
        Priority priority,
        boolean byPriority) {

    public ConversationQuery(ConversationStatus status, String assignee, String channelType, UUID teamId, String text) {
        this(status, assignee, channelType, teamId, text, null, false);
    }

    public static ConversationQuery all() {
        return new ConversationQuery(null, "any", null, null, null);
    }
}
