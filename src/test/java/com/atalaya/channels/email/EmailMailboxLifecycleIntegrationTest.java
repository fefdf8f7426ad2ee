package com.atalaya.channels.email;

import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.WorkingConversations;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A mailbox is read from the moment it is saved, and stops being read the moment it is disabled,
 * without waiting for the periodic refresh (an hour here, so that it cannot be what helps).
 */
@TestPropertySource(properties = "atalaya.email.refresh-every=1h")
class EmailMailboxLifecycleIntegrationTest extends IntegrationTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    SyncingMailboxes mailboxes;

    @Autowired
    WorkingConversations inbox;

    TestMailServer server;
    TestWorkspaces.Tenant shop;

    @BeforeEach
    void startServer() {
        server = new TestMailServer();
        shop = workspaces.create("Tienda");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSavedMailboxIsReadAtOnceAndADisabledOneStopsAtOnce() throws Exception {
        server.deliverToShop(server.mail("<before@example.org>", "Antes de conectar", "Ya estaba en el buzón"));

        ChannelConnection connection = connections.create(shop.member(), "email", "Soporte", server.settings());

        await().atMost(AT_ONCE).until(() -> mailboxes.running().contains(connection.getId()));
        await().atMost(AT_ONCE.multipliedBy(2))
                .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 1);

        connections.setEnabled(shop.member(), connection.getId(), false);

        await().atMost(AT_ONCE).until(() -> !mailboxes.running().contains(connection.getId()));
    }
}
