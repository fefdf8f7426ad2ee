package com.atalaya.channels;

import java.util.UUID;

/**
 * Sends plain e-mail through a workspace's own e-mail channel (its SMTP server): replies to
 * contact-form conversations and notifications to the team.
 */
public interface WorkspaceMailer {

    /** Whether the workspace has an enabled e-mail channel to send with. */
    boolean canSend(UUID workspaceId);

    /**
     * Sends one message and returns its Message-ID.
     *
     * @param messageId stable id of what is sent, so a retry produces the same Message-ID
     */
    String send(
            UUID workspaceId,
            UUID messageId,
            Party to,
            String subject,
            String text,
            String inReplyTo,
            java.util.List<String> references)
            throws DeliveryException;
}
