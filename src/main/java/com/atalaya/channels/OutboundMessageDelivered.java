package com.atalaya.channels;

import java.time.Instant;
import java.util.UUID;

/** The provider accepted an outbound message; {@code providerMessageId} threads later answers. */
public record OutboundMessageDelivered(UUID workspaceId, UUID messageId, String providerMessageId, Instant at) {}
