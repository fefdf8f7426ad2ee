package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.identity.TestWorkspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mailbox worker that dies mid-import, including between storing a message and moving the
 * checkpoint past it, is replaced by a fresh one that loses and duplicates nothing.
 */
class EmailCrashRecoveryIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    ImportingMail importer;

    @Autowired
    ReceivingMessages receiving;

    @Autowired
    EmailCheckpoints checkpoints;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    TestMailServer server;
    ScheduledExecutorService timer;
    ChannelConnection connection;
    final List<MailboxWorker> workers = new ArrayList<>();

    @BeforeEach
    void connectMailboxWithoutTheScheduler() {
        server = new TestMailServer();
        timer = Executors.newSingleThreadScheduledExecutor();
        TestWorkspaces.Tenant shop = workspaces.create("Tienda");
        // Disabled in the same transaction, so the scheduled SyncingMailboxes never runs it: the test does.
        connection = tx.execute(status -> {
            ChannelConnection created = connections.create(shop.member(), "email", "Soporte", server.settings());
            connections.setEnabled(shop.member(), created.getId(), false);
            return created;
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (MailboxWorker worker : workers) {
            worker.stop();
            worker.awaitTermination(Duration.ofSeconds(10));
        }
        timer.shutdownNow();
        server.close();
    }

    @Test
    void aRestartedWorkerImportsEveryMessageExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        deliver(ids, 1);
        MailboxWorker first = start();
        await().atMost(PATIENCE).until(() -> receivedCount(ids) == 1 && checkpoints.existsById(connection.getId()));
        long checkpointBeforeBurst =
                checkpoints.findById(connection.getId()).orElseThrow().getLastUid();

        deliver(ids, 20);
        await().atMost(PATIENCE).until(() -> receivedCount(ids) >= 5);
        first.stop();
        assertThat(first.awaitTermination(Duration.ofSeconds(10))).isTrue();
        // The crash window: messages stored, their checkpoint never written.
        jdbc.update(
                "update email_checkpoints set last_uid = ? where connection_id = ?",
                checkpointBeforeBurst,
                connection.getId());
        deliver(ids, 10);

        start();

        await().atMost(PATIENCE).until(() -> receivedCount(ids) == ids.size());
        await().atMost(PATIENCE).until(() -> messagesInInbox() == ids.size());
        assertThat(jdbc.queryForObject(
                        "select count(*) from inbound_receipts where connection_id = ?",
                        Integer.class,
                        connection.getId()))
                .isEqualTo(31);
        assertThat(jdbc.queryForList(
                        "select provider_message_id from messages where connection_id = ?",
                        String.class,
                        connection.getId()))
                .containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(PATIENCE)
                .until(() ->
                        checkpoints.findById(connection.getId()).orElseThrow().getLastUid()
                                == checkpointBeforeBurst + 30);
    }

    private MailboxWorker start() {
        MailboxWorker worker =
                new MailboxWorker(connection, EmailSettings.of(connections.settings(connection)), importer, timer);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private void deliver(List<String> ids, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String id = "<crash-" + ids.size() + "@example.org>";
            ids.add(id);
            server.deliverToShop(server.mail(id, "Pedido " + ids.size(), "Mensaje " + ids.size()));
        }
    }

    private long receivedCount(List<String> ids) {
        return ids.stream()
                .filter(id -> receiving.alreadyReceived(connection, id))
                .count();
    }

    private int messagesInInbox() {
        return jdbc.queryForObject(
                "select count(*) from messages where connection_id = ?", Integer.class, connection.getId());
    }
}
