package com.atalaya.channels;

import java.util.UUID;

/**
 * A channel connection was created, its settings changed, or it was enabled or disabled.
 * Published inside the changing transaction; adapters that keep connections open (mailboxes)
 * act on it after commit, so a saved mailbox is read at once.
 */
public record ChannelConnectionChanged(UUID workspaceId, UUID connectionId, String channelType) {}
