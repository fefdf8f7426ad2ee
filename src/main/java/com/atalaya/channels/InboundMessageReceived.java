package com.atalaya.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel accepted a new inbound message, once per provider message id. Delivered to listeners
 * in batches, as an element of {@link InboundMessagesReceived}.
 *
 * @param acceptedAt when the channel acknowledged it
 */
public record InboundMessageReceived(
        UUID workspaceId, UUID connectionId, String channelType, InboundMessage message, Instant acceptedAt) {}
