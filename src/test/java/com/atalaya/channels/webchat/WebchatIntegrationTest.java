package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.OutboundMessageRequested;
import com.atalaya.channels.webchat.WebchatVisitorClient.EventStream;
import com.atalaya.channels.webchat.WebchatVisitorClient.Session;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.Role;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.Message;
import com.atalaya.inbox.MessageKind;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.service.Presence;
import com.atalaya.service.PresenceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class WebchatIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    Presence presence;

    @Autowired
    ChannelConnections connections;

    @Autowired
    WebchatChannel channel;

    @Autowired
    JdbcTemplate jdbc;

    WebchatVisitorClient visitor;

    @BeforeEach
    void client() {
        visitor = new WebchatVisitorClient(http(), port);
    }

    @Test
    void everyWorkspaceGetsOneChatWidgetWithDefaultSettings() {
        Tenant shop = workspaces.create("Tienda");

        ChannelConnection widget = connections.first(shop.id(), "webchat").orElseThrow();

        assertThat(connections.settings(widget))
                .containsEntry("greeting", WebchatSettings.DEFAULT_GREETING)
                .containsEntry("accentColor", "#0f766e");
    }

    @Test
    void visitorMessageBecomesAChatConversationWithAVisitorIdentity() {
        Tenant shop = workspaces.create("Tienda");
        var opened = visitor.openSession(shop.slug(), Map.of("name", "Lucía"));
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        Session lucia = new Session((String) opened.getBody().get("visitorId"), (String)
                opened.getBody().get("token"));

        var sent = visitor.say(shop.slug(), lucia, "¿Hacéis envíos a Canarias?");

        assertThat(sent.getStatusCode().value()).isEqualTo(201);
        assertThat(sent.getBody()).containsEntry("from", "visitor").containsEntry("text", "¿Hacéis envíos a Canarias?");
        Conversation conversation = awaitOnlyConversation(shop);
        assertThat(conversation.getChannelType()).isEqualTo("webchat");
        assertThat(conversation.getThreadKey()).isEqualTo(lucia.visitorId());
        var detail = conversations.detail(shop.member(), conversation.getId());
        assertThat(detail.contact().getName()).isEqualTo("Lucía");
        assertThat(detail.identities()).singleElement().satisfies(identity -> {
            assertThat(identity.getKind()).isEqualTo(IdentityKind.CHAT_VISITOR);
            assertThat(identity.getAddress()).isEqualTo(lucia.visitorId());
        });
        assertThat(detail.messages()).singleElement().satisfies(m -> {
            assertThat(m.getKind()).isEqualTo(MessageKind.INBOUND);
            assertThat(m.getBodyText()).isEqualTo("¿Hacéis envíos a Canarias?");
            assertThat(m.getProviderMessageId()).isEqualTo(sent.getBody().get("id"));
        });
    }

    @Test
    void anonymousVisitorIsCalledVisitante() {
        Tenant shop = workspaces.create("Tienda");
        Session anonymous = visitor.session(shop.slug());

        visitor.say(shop.slug(), anonymous, "Hola");

        Conversation conversation = awaitOnlyConversation(shop);
        assertThat(conversations.detail(shop.member(), conversation.getId()).messages())
                .extracting(Message::getAuthorName)
                .containsExactly("Visitante");
    }

    @Test
    void agentReplyAppearsInTheTranscriptAndLiveOnTheStream() {
        Tenant shop = workspaces.create("Tienda");
        Session session = visitor.session(shop.slug());
        visitor.say(shop.slug(), session, "¿Tenéis la talla M?");
        Conversation conversation = awaitOnlyConversation(shop);

        try (EventStream stream = visitor.stream(shop.slug(), session.token())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.received("status", "\"online\":false"));

            Message reply = conversations.post(shop.member(), conversation.getId(), "Sí, nos quedan dos.", false);

            // well under the outbox's 15 s retry: a reply is delivered at once, not on the next retry
            await().atMost(Duration.ofSeconds(8))
                    .until(() -> stream.received("line", "Sí, nos quedan dos.")
                            && stream.received("line", reply.getId().toString()));
        }
        List<Map<String, Object>> lines = visitor.lines(shop.slug(), session);
        assertThat(lines).extracting(l -> l.get("from")).containsExactly("visitor", "agent");
        assertThat(lines.get(1))
                .containsEntry("text", "Sí, nos quedan dos.")
                .containsEntry("author", shop.admin().displayName());
    }

    @Test
    void deliveringTheSameReplyTwiceAddsOneLine() throws Exception {
        Tenant shop = workspaces.create("Tienda");
        Session session = visitor.session(shop.slug());
        ChannelConnection widget = connections.first(shop.id(), "webchat").orElseThrow();
        OutboundMessageRequested reply = new OutboundMessageRequested(
                shop.id(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                widget.getId(),
                null,
                null,
                "Gracias por escribirnos",
                null,
                null,
                List.of(),
                "ATL-ABCDEF",
                session.visitorId(),
                "Marta");

        String first = channel.send(widget, reply);
        String second = channel.send(widget, reply);

        assertThat(first).isEqualTo(second).isEqualTo(reply.messageId().toString());
        assertThat(visitor.lines(shop.slug(), session))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("id", first).containsEntry("author", "Marta"));
    }

    @Test
    void replyToAVisitorOfAnotherWidgetIsRefusedForGood() {
        Tenant shop = workspaces.create("Tienda");
        Tenant other = workspaces.create("Otra");
        Session stranger = visitor.session(other.slug());
        ChannelConnection widget = connections.first(shop.id(), "webchat").orElseThrow();
        OutboundMessageRequested reply = new OutboundMessageRequested(
                shop.id(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                widget.getId(),
                null,
                null,
                "Hola",
                null,
                null,
                List.of(),
                "ATL-ABCDEF",
                stranger.visitorId(),
                "Marta");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> channel.send(widget, reply))
                .isInstanceOfSatisfying(
                        com.atalaya.channels.DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue());
        assertThat(visitor.lines(other.slug(), stranger)).isEmpty();
    }

    @Test
    void theSameTokenAfterAReloadSeesTheHistoryAndContinuesTheConversation() {
        Tenant shop = workspaces.create("Tienda");
        Session session = visitor.session(shop.slug());
        visitor.say(shop.slug(), session, "Primera pregunta");
        Conversation conversation = awaitOnlyConversation(shop);
        conversations.post(shop.member(), conversation.getId(), "Respuesta del equipo", false);
        await().atMost(Duration.ofSeconds(8))
                .until(() -> visitor.lines(shop.slug(), session).size() == 2);

        // the frame reloads: same token from localStorage, a new page
        List<Map<String, Object>> history = visitor.lines(shop.slug(), session);
        assertThat(history).extracting(l -> l.get("text")).containsExactly("Primera pregunta", "Respuesta del equipo");
        visitor.say(shop.slug(), session, "Segunda pregunta");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> conversations
                                .conversation(shop.member(), conversation.getId())
                                .getMessageCount()
                        == 3);
        assertThat(conversations.list(shop.member(), ConversationQuery.all(), 0, 10))
                .singleElement()
                .extracting(Conversation::getId)
                .isEqualTo(conversation.getId());
    }

    @Test
    void aRetriedSendWithTheSameClientIdIsStoredOnce() {
        Tenant shop = workspaces.create("Tienda");
        Session session = visitor.session(shop.slug());
        String clientId = UUID.randomUUID().toString();

        var first = visitor.post(shop.slug(), session.token(), Map.of("text", "Hola", "clientId", clientId), "es");
        var again = visitor.post(shop.slug(), session.token(), Map.of("text", "Hola", "clientId", clientId), "es");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).containsEntry("id", clientId);
        assertThat(visitor.lines(shop.slug(), session)).hasSize(1);
        Conversation conversation = awaitOnlyConversation(shop);
        assertThat(conversations
                        .conversation(shop.member(), conversation.getId())
                        .getMessageCount())
                .isEqualTo(1);
    }

    @Test
    void statusIsOnlineOnlyWhileAnAgentIsAvailable() {
        Tenant shop = workspaces.create("Tienda");
        AtalayaUser analyst = workspaces.addUser(shop, Role.ANALYST);
        assertThat(visitor.online(shop.slug())).isFalse();

        presence.choose(analyst.id(), PresenceStatus.ONLINE);
        presence.heartbeat(analyst.id(), true);
        assertThat(visitor.online(shop.slug()))
                .as("analysts do not answer chats")
                .isFalse();

        presence.choose(shop.admin().id(), PresenceStatus.ONLINE);
        presence.heartbeat(shop.admin().id(), true);
        assertThat(visitor.online(shop.slug())).isTrue();

        presence.choose(shop.admin().id(), PresenceStatus.AWAY);
        assertThat(visitor.online(shop.slug())).isFalse();
    }

    @Test
    void theStreamTellsOpenFramesWhenAnAgentComesOnline() {
        Tenant shop = workspaces.create("Tienda");
        try (EventStream stream = visitor.stream(shop.slug(), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.received("status", "\"online\":false"));

            presence.choose(shop.admin().id(), PresenceStatus.ONLINE);
            presence.heartbeat(shop.admin().id(), true);

            await().atMost(Duration.ofSeconds(25)).until(() -> stream.received("status", "\"online\":true"));
        }
    }

    @Test
    void leavingAMessageBecomesAnEmailConversation() {
        Tenant shop = workspaces.create("Tienda");
        ChannelConnection target = WebchatFixtures.ensureOfflineChannel(connections, jdbc, shop);

        var left = visitor.leaveMessage(
                shop.slug(),
                Map.of("name", "Pedro Gil", "email", "Pedro@Example.com", "message", "Mi pedido no ha llegado"),
                "es");

        assertThat(left.getStatusCode().value()).isEqualTo(201);
        Conversation conversation = awaitOnlyConversation(shop);
        assertThat(conversation.getConnectionId()).isEqualTo(target.getId());
        assertThat(conversation.getSubject()).isEqualTo("Mensaje desde el chat");
        var detail = conversations.detail(shop.member(), conversation.getId());
        assertThat(detail.contact().getName()).isEqualTo("Pedro Gil");
        assertThat(detail.identities()).singleElement().satisfies(identity -> {
            assertThat(identity.getKind()).isEqualTo(IdentityKind.EMAIL);
            assertThat(identity.getAddress()).isEqualTo("pedro@example.com");
        });
        assertThat(detail.messages()).extracting(Message::getBodyText).containsExactly("Mi pedido no ha llegado");
    }

    @Test
    void leavingAMessagePrefersTheEmailChannelOverTheContactForm() {
        Tenant shop = workspaces.create("Tienda");
        WebchatFixtures.insertConnection(connections, jdbc, shop, "contact-form");
        ChannelConnection email = connections
                .first(shop.id(), "email")
                .orElseGet(() -> WebchatFixtures.insertConnection(connections, jdbc, shop, "email"));

        visitor.leaveMessage(shop.slug(), Map.of("email", "ana@example.com", "message", "¿Abrís el domingo?"), "en");

        Conversation conversation = awaitOnlyConversation(shop);
        assertThat(conversation.getConnectionId()).isEqualTo(email.getId());
        assertThat(conversation.getSubject()).isEqualTo("Message from the chat");
    }

    @Test
    void leavingAMessageWithoutAnyMailChannelIsAClearConflict() {
        Tenant shop = workspaces.create("Tienda");
        for (String type : List.of("email", "contact-form")) {
            connections.ofWorkspace(shop.id()).stream()
                    .filter(c -> c.type().equals(type))
                    .forEach(c -> connections.setEnabled(shop.member(), c.id(), false));
        }

        var left =
                visitor.leaveMessage(shop.slug(), Map.of("email", "ana@example.com", "message", "¿Hay alguien?"), "es");

        assertThat(left.getStatusCode().value()).isEqualTo(409);
        assertThat(left.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((String) left.getBody().get("detail")).contains("no tiene configurado ningún canal de e-mail");
        assertThat(visitor.status(shop.slug()).getBody()).containsEntry("leaveMessage", false);
    }

    @Test
    void aVisitorTokenOfOneWorkspaceCannotReachAnother() {
        Tenant shopA = workspaces.create("Tienda A");
        Tenant shopB = workspaces.create("Tienda B");
        Session inA = visitor.session(shopA.slug());
        Session inB = visitor.session(shopB.slug());
        visitor.say(shopB.slug(), inB, "Secreto de B");

        assertThat(visitor.transcript(shopB.slug(), inA.token()).getStatusCode().value())
                .isEqualTo(401);
        assertThat(visitor.post(shopB.slug(), inA.token(), Map.of("text", "Hola"), "es")
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        try (EventStream stream = visitor.stream(shopB.slug(), inA.token())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.status == 401);
        }
        assertThat(visitor.lines(shopA.slug(), inA)).isEmpty();
    }

    private Conversation awaitOnlyConversation(Tenant tenant) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> conversations
                                .list(tenant.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 1);
        return conversations
                .list(tenant.member(), ConversationQuery.all(), 0, 10)
                .getContent()
                .getFirst();
    }
}
