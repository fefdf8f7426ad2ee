package com.atalaya.inbox;

import java.util.UUID;

/** A conversation as other modules see it: its reference, its channel and who the customer is. */
public record ConversationSummary(UUID id, String referenceToken, String channelType, String contactName) {}
