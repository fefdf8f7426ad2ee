package com.atalaya.inbox;

public enum ConversationStatus {
    OPEN,
    PENDING,
    SNOOZED,
    RESOLVED
}
