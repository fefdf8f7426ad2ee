package com.atalaya.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.Role;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.WorkingConversations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotifyingIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    Notifying notifying;

    @Autowired
    ReceivingMessages receiving;

    @Autowired
    ChannelConnections connections;

    @Test
    void managersHearOfEveryNewConversationButPlainAgentsDoNot() {
        var shop = workspaces.create("Floristería");
        AtalayaUser manager = workspaces.addUser(shop, Role.MANAGER);
        AtalayaUser agent = workspaces.addUser(shop, Role.AGENT);
        Conversations.submitContactForm(http(), shop.slug(), "Rosa", "rosa@example.com", "¿Entregáis el domingo?");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(notifying.unread(shop.id(), shop.admin().id())).isEqualTo(1);
            assertThat(notifying.unread(shop.id(), manager.id())).isEqualTo(1);
        });
        assertThat(notifying.page(shop.id(), manager.id(), 0).getContent())
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.getTitle()).contains("Rosa");
                    assertThat(n.getBody()).contains("domingo");
                });
        assertThat(notifying.unread(shop.id(), agent.id())).isZero();
    }

    @Test
    void theAssigneeHearsOfNewMessagesAndOfTheAssignment() {
        var shop = workspaces.create("Floristería");
        AtalayaUser agent = workspaces.addUser(shop, Role.AGENT);
        Conversations.submitContactForm(http(), shop.slug(), "Rosa", "rosa@example.com", "Primera pregunta");
        var conversation = Conversations.awaitConversation(conversations, shop.member(), c -> true);
        conversations.change(
                shop.member(),
                conversation.getId(),
                new WorkingConversations.Change(null, null, agent.id().toString(), null, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifying.unread(shop.id(), agent.id()) == 1);
        // The customer answers in the same thread (as an e-mail reply would, by its references).
        var firstMessage = conversations
                .detail(shop.member(), conversation.getId())
                .messages()
                .get(0);
        receiving.receive(
                connections.first(shop.id(), "contact-form").orElseThrow(),
                new InboundMessage(
                        "reply-" + java.util.UUID.randomUUID(),
                        new Party(IdentityKind.EMAIL, "rosa@example.com", "Rosa"),
                        "Re: Primera pregunta",
                        "Segunda pregunta",
                        null,
                        java.util.List.of(firstMessage.getProviderMessageId()),
                        null,
                        java.util.List.of(),
                        java.time.Instant.now(),
                        false));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifying.unread(shop.id(), agent.id()) == 2);
        assertThat(conversations
                        .conversation(shop.member(), conversation.getId())
                        .getMessageCount())
                .isEqualTo(2);
        notifying.markAllRead(shop.id(), agent.id());
        assertThat(notifying.unread(shop.id(), agent.id())).isZero();
    }

    @Test
    void aUserWhoTurnedAKindOffIsNotNotified() {
        var shop = workspaces.create("Floristería");
        AtalayaUser manager = workspaces.addUser(shop, Role.MANAGER);
        notifying.changePreference(manager.id(), NotificationKind.NEW_CONVERSATION, false, false, false);
        Conversations.submitContactForm(http(), shop.slug(), "Rosa", "rosa@example.com", "Hola");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> notifying.unread(shop.id(), shop.admin().id()) == 1);
        assertThat(notifying.unread(shop.id(), manager.id())).isZero();
    }
}
