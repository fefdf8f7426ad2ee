package com.atalaya.channels;

import java.util.UUID;

/** An outbound message could not be delivered; {@code final} when no retry will follow. */
public record OutboundMessageFailed(UUID workspaceId, UUID messageId, String reason, boolean retrying) {}
