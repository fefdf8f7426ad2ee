package com.atalaya.channels;

import java.util.UUID;

/** A channel accepted a new inbound message (published once per provider message id). */
public record InboundMessageReceived(UUID workspaceId, UUID connectionId, String channelType, InboundMessage message) {}
