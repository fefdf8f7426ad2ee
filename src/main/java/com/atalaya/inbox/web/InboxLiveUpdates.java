package com.atalaya.inbox.web;

import com.atalaya.inbox.ConversationChanged;
import com.atalaya.inbox.MessageReceived;
import com.atalaya.inbox.MessagesReceived;
import com.atalaya.web.LiveUpdates;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the open screens of a workspace that a conversation changed, once the change is committed. */
@Component
class InboxLiveUpdates {

    private final LiveUpdates live;

    InboxLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(MessagesReceived batch) {
        for (MessageReceived event : batch.messages()) {
            live.toWorkspace(
                    event.workspaceId(),
                    "conversation",
                    Map.of(
                            "conversationId",
                            event.conversationId(),
                            "what",
                            event.newConversation() ? "created" : "message"));
        }
    }

    @EventListener
    void on(ConversationChanged event) {
        live.toWorkspace(
                event.workspaceId(),
                "conversation",
                Map.of("conversationId", event.conversationId(), "what", event.what()));
    }
}
