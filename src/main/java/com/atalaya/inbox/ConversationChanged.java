package com.atalaya.inbox;

import java.util.UUID;

/** Something about a conversation changed (status, assignee, a reply, a note): screens refresh it. */
public record ConversationChanged(UUID workspaceId, UUID conversationId, String what, UUID byUserId) {}
