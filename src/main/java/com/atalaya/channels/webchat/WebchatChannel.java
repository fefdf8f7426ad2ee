package com.atalaya.channels.webchat;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.OutboundMessageRequested;
import com.atalaya.channels.SettingField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The live chat widget as a channel: one per workspace. Replies are appended to the visitor's
 * transcript (the conversation's thread key is the visitor id) and pushed to their open frames.
 */
@Component
class WebchatChannel implements ChannelAdapter {

    static final String TYPE = "webchat";

    private final Transcripts transcripts;

    WebchatChannel(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return new ChannelDescriptor(
                TYPE,
                List.of(
                        new SettingField("title", SettingField.Kind.TEXT, false, null),
                        new SettingField("greeting", SettingField.Kind.TEXT, false, WebchatSettings.DEFAULT_GREETING),
                        new SettingField("accentColor", SettingField.Kind.TEXT, false, WebchatSettings.DEFAULT_ACCENT)),
                Map.of(),
                true,
                WebchatInput.MAX_MESSAGE);
    }

    /** Idempotent: the line's id is the inbox message id, so a second call finds the first line. */
    @Override
    public String send(ChannelConnection connection, OutboundMessageRequested message) throws DeliveryException {
        UUID visitorId;
        try {
            visitorId = UUID.fromString(String.valueOf(message.threadKey()));
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("This conversation has no chat visitor to answer");
        }
        String text = message.text() == null ? "" : message.text();
        if (text.isBlank()) {
            throw DeliveryException.permanent("A chat reply needs text");
        }
        return transcripts
                .appendAgentLine(connection, visitorId, message.messageId(), message.authorName(), text)
                .orElseThrow(() -> DeliveryException.permanent("The chat visitor no longer exists"))
                .toString();
    }

    @Override
    public void check(Map<String, String> settings) throws DeliveryException {
        String accent = settings.get("accentColor");
        if (accent != null && !accent.isBlank() && !WebchatSettings.isHexColour(accent.strip())) {
            throw DeliveryException.permanent("The accent colour must be a hex colour such as #0f766e");
        }
        String title = settings.get("title");
        if (title != null && title.strip().length() > WebchatSettings.MAX_TITLE) {
            throw DeliveryException.permanent("The title has at most " + WebchatSettings.MAX_TITLE + " characters");
        }
        String greeting = settings.get("greeting");
        if (greeting != null && greeting.strip().length() > WebchatSettings.MAX_GREETING) {
            throw DeliveryException.permanent(
                    "The greeting has at most " + WebchatSettings.MAX_GREETING + " characters");
        }
    }
}
