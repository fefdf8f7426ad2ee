package com.atalaya.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel accepted a new inbound message; published once per provider message id, synchronously
 * in the transaction that takes it off the inbound queue (a listener's work commits with it).
 *
 * @param acceptedAt when the channel acknowledged it
 */
public record InboundMessageReceived(
        UUID workspaceId, UUID connectionId, String channelType, InboundMessage message, Instant acceptedAt) {}
