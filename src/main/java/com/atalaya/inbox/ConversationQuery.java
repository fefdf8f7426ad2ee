package com.atalaya.inbox;

import java.util.UUID;

/**
 * Filters of the conversation list. {@code assignee} is "me", "unassigned", "any" or a user id.
 * All fields are optional.
 */
public record ConversationQuery(
        ConversationStatus status, String assignee, String channelType, UUID teamId, String text) {

    public static ConversationQuery all() {
        return new ConversationQuery(null, "any", null, null, null);
    }
}
