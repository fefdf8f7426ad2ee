package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.DeliveryStatus;
import com.atalaya.inbox.Message;
import com.atalaya.inbox.WorkingConversations;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** When SMTP fails, the reply stays in the outbox, retrying or failed with a reason, never lost. */
class EmailDeliveryFailureIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    WorkingConversations inbox;

    @Autowired
    SyncingMailboxes mailboxes;

    @Autowired
    JdbcTemplate jdbc;

    TestMailServer server;
    TestWorkspaces.Tenant shop;
    ChannelConnection connection;
    Conversation conversation;

    @BeforeEach
    void conversationFromAMail() throws Exception {
        server = new TestMailServer();
        shop = workspaces.create("Tienda");
        connection = connections.create(shop.member(), "email", "Soporte", server.settings());
        mailboxes.refresh();
        server.deliverToShop(server.mail("<question@example.org>", "Una pregunta", "¿Enviáis a Portugal?"));
        await().atMost(PATIENCE)
                .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 1);
        conversation = inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                .getContent()
                .getFirst();
    }

    @AfterEach
    void disconnect() {
        connections.setEnabled(shop.member(), connection.getId(), false);
        mailboxes.refresh();
        server.close();
    }

    @Test
    void aReplyWhileTheServerIsDownStaysPendingForRetry() {
        server.close();

        Message reply = inbox.post(shop.member(), conversation.getId(), "Sí, en 3 días.", false);

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(message(reply.getId()).getDeliveryStatus()).isEqualTo(DeliveryStatus.RETRYING));
        assertThat(message(reply.getId()).getDeliveryError()).contains("Nothing answers at 127.0.0.1");
        assertThat(outbox(reply.getId()))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1)
                .satisfies(row -> assertThat(row.get("next_attempt_at")).isNotNull());
    }

    @Test
    void aReplyRejectedForAWrongPasswordFailsForGoodWithTheReason() {
        server.greenMail.getUserManager().getUser(TestMailServer.SHOP).setPassword("changed-elsewhere");

        Message reply = inbox.post(shop.member(), conversation.getId(), "Sí, en 3 días.", false);

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(message(reply.getId()).getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED));
        assertThat(message(reply.getId()).getDeliveryError()).contains("rejected the user name or password");
        assertThat(message(reply.getId()).getBodyText()).isEqualTo("Sí, en 3 días.");
        assertThat(outbox(reply.getId())).containsEntry("status", "FAILED");
        assertThat(server.customerMailbox()).isEmpty();
    }

    private Message message(UUID id) {
        return inbox.detail(shop.member(), conversation.getId()).messages().stream()
                .filter(m -> m.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> outbox(UUID messageId) {
        return jdbc.queryForMap(
                "select status, attempts, next_attempt_at from outbound_deliveries where message_id = ?", messageId);
    }
}
