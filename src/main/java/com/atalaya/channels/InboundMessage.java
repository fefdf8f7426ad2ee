package com.atalaya.channels;

import java.time.Instant;
import java.util.List;

/**
 * A message as a channel received it, translated to Atalaya's canonical form.
 *
 * @param providerMessageId the provider's id for the message, unique per channel connection: a
 *     redelivery with the same id is stored once
 * @param references provider ids of earlier messages this one answers (e-mail In-Reply-To and
 *     References), most recent last
 * @param threadKey a channel-native thread (the chat visitor's session); {@code null} if none
 * @param html sanitized HTML, or {@code null}
 * @param automated an auto-reply, bounce or other machine message that must never be answered
 *     automatically
 */
public record InboundMessage(
        String providerMessageId,
        Party sender,
        String subject,
        String text,
        String html,
        List<String> references,
        String threadKey,
        List<StoredFile> attachments,
        Instant sentAt,
        boolean automated) {

    public InboundMessage {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
