package com.atalaya.inbox;

import java.util.List;

/**
 * The inbound messages one batch of the inbound pipeline appended, in order, already flushed (a
 * listener's queries see them). Published in the pipeline's transaction: synchronous listeners
 * ({@code @EventListener}) commit with the messages themselves and should work the list with one
 * query per batch, not per message; slow side effects belong in an event of their own. The list
 * may hold several workspaces.
 */
public record MessagesReceived(List<MessageReceived> messages) {

    public MessagesReceived {
        messages = List.copyOf(messages);
    }
}
