package com.atalaya.channels;

import java.util.List;

/**
 * The inbound messages a lane took off the queue together, in the order they were accepted
 * (a sender's messages always in one lane, in order); published synchronously in the
 * transaction that removes them from the queue, so a listener's work commits with them. A
 * listener works the whole list at once (one query per batch, not per message) and must not
 * assume the list holds one workspace only.
 */
public record InboundMessagesReceived(List<InboundMessageReceived> messages) {

    public InboundMessagesReceived {
        messages = List.copyOf(messages);
    }
}
