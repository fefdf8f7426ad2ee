package com.atalaya.channels.contactform;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.OutboundMessageRequested;
import com.atalaya.channels.SettingField;
import com.atalaya.channels.WorkspaceMailer;
import com.atalaya.identity.WorkspaceDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The web contact form: one per workspace, hosted at {@code /forms/{slug}} and embeddable in an
 * iframe. Customers leave an e-mail address, so replies go out through the workspace's e-mail channel.
 */
@Component
class ContactFormChannel implements ChannelAdapter {

    static final String TYPE = "contact-form";

    private final ObjectProvider<WorkspaceMailer> mailers;
    private final WorkspaceDirectory directory;

    ContactFormChannel(ObjectProvider<WorkspaceMailer> mailers, WorkspaceDirectory directory) {
        this.mailers = mailers;
        this.directory = directory;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return new ChannelDescriptor(
                TYPE,
                List.of(
                        new SettingField("title", SettingField.Kind.TEXT, false, null),
                        new SettingField("intro", SettingField.Kind.TEXT, false, null),
                        new SettingField("thanks", SettingField.Kind.TEXT, false, null)),
                Map.of(),
                true);
    }

    @Override
    public String send(ChannelConnection connection, OutboundMessageRequested message) throws DeliveryException {
        WorkspaceMailer mailer = mailers.getIfAvailable();
        if (mailer == null || !mailer.canSend(connection.getWorkspaceId())) {
            throw DeliveryException.permanent(
                    "No e-mail channel to answer with: add one under Settings → Channels, then send again.");
        }
        String subject = message.subject() != null
                ? message.subject()
                : "Re: "
                        + directory
                                .byId(connection.getWorkspaceId())
                                .map(w -> w.name())
                                .orElse("");
        return mailer.send(
                connection.getWorkspaceId(),
                message.messageId(),
                message.recipient(),
                subject + " [#" + message.referenceToken() + "]",
                message.text(),
                message.inReplyTo(),
                message.references());
    }
}
