package com.atalaya.channels.email;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.Party;
import com.atalaya.channels.WorkspaceMailer;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Sends through the SMTP server of the workspace's first enabled e-mail connection. */
@Service
class WorkspaceMailbox implements WorkspaceMailer {

    private final ChannelConnections connections;
    private final SendingEmail sending;

    WorkspaceMailbox(ChannelConnections connections, SendingEmail sending) {
        this.connections = connections;
        this.sending = sending;
    }

    @Override
    public boolean canSend(UUID workspaceId) {
        return connections.first(workspaceId, EmailChannel.TYPE).isPresent();
    }

    @Override
    public String send(
            UUID workspaceId,
            UUID messageId,
            Party to,
            String subject,
            String text,
            String inReplyTo,
            List<String> references)
            throws DeliveryException {
        ChannelConnection connection = connections
                .first(workspaceId, EmailChannel.TYPE)
                .orElseThrow(() -> DeliveryException.permanent("The workspace has no enabled e-mail channel"));
        return sending.send(
                EmailSettings.of(connections.settings(connection)),
                new SendingEmail.Outgoing(
                        messageId, to, subject, text, null, inReplyTo, references == null ? List.of() : references));
    }
}
