package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application processes on one PostgreSQL schema, as behind a load balancer: chat visitors
 * write to both at once, agents reply through both, and both run every scheduled job. Each message
 * reaches its conversation once and in the order it was written, each reply is handed to the
 * channel once (the nodes' retry jobs race the first attempt for the claim), and snoozed
 * conversations wake. Runs in the PostgreSQL pass only (an H2 file belongs to one process).
 */
class TwoNodesIntegrationTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int VISITORS = 16;
    private static final int MESSAGES_EACH = 12;

    private final AppProcess.Storage storage = AppProcess.Storage.fresh();
    private final List<AppProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        Assumptions.assumeTrue(
                IntegrationTest.POSTGRES, "Two nodes need a database they can share: runs in the PostgreSQL pass");
        IntegrationTest.requireDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (AppProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void messagesRepliesAndJobsHappenOnceAcrossTwoNodes() throws Exception {
        String[] fastJobs = {"--atalaya.outbound.retry-every=200ms", "--atalaya.inbox.snooze-check-every=1s"};
        // One data directory for both, so each says who it is.
        AppProcess a = node("node-a", fastJobs[0], fastJobs[1], "--atalaya.node-id=node-a");
        AppProcess b = node("node-b", fastJobs[0], fastJobs[1], "--atalaya.node-id=node-b");
        String tokenA = a.apiToken();
        String tokenB = b.apiToken();
        String slug = a.slug(tokenA);
        String workspaceId = AppProcess.match(ID, a.get("/api/v1/workspaces", tokenA));

        // Each visitor writes in turn to one node and then the other, as fast as answers come.
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < VISITORS; i++) {
            visitors.add((i % 2 == 0 ? a : b).openSession(slug, "Cliente " + i));
        }
        Map<String, List<String>> written = new ConcurrentHashMap<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(VISITORS)) {
            List<Future<?>> done = new ArrayList<>();
            for (String visitor : visitors) {
                done.add(writers.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int n = 0; n < MESSAGES_EACH; n++) {
                        String clientId = UUID.randomUUID().toString();
                        assertThat((n % 2 == 0 ? a : b).postChat(slug, visitor, clientId, "Mensaje " + n))
                                .isEqualTo(201);
                        mine.add(clientId);
                    }
                    written.put(visitor, mine);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() ->
                        a.gauge(tokenA, "atalaya_inbound_queue_waiting") == 0 && inbound() == VISITORS * MESSAGES_EACH);

        try (Connection db = storage.database()) {
            for (List<String> mine : written.values()) {
                assertThat(conversationOrder(db, mine))
                        .as("one conversation with every message once, in the order written")
                        .containsExactlyElementsOf(mine);
            }
        }

        // One reply per conversation, through alternating nodes; both nodes' retry jobs run every 200 ms.
        List<String> conversations = conversationIds(a, tokenA, workspaceId);
        assertThat(conversations).hasSize(VISITORS);
        for (int i = 0; i < conversations.size(); i++) {
            AppProcess node = i % 2 == 0 ? a : b;
            assertThat(node.send(
                                    "POST",
                                    "/api/v1/workspaces/" + workspaceId + "/conversations/" + conversations.get(i)
                                            + "/messages",
                                    i % 2 == 0 ? tokenA : tokenB,
                                    "{\"text\":\"Gracias, lo miramos ahora mismo\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> count("select count(*) from outbound_deliveries where status = 'DELIVERED'") == VISITORS);
        // Several more rounds of both nodes' retry jobs: the count holds, nothing is sent again.
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> a.gauge(tokenA, "atalaya_outbound_attempts_total")
                                + b.gauge(tokenB, "atalaya_outbound_attempts_total")
                        == VISITORS);
        assertThat(count("select count(*) from webchat_lines where not from_visitor"))
                .isEqualTo(VISITORS);

        // Snoozed on one node, woken by whichever node's job holds the lock.
        String until = Instant.now().plusSeconds(2).toString();
        for (String conversation : conversations.subList(0, 4)) {
            assertThat(b.send(
                                    "PATCH",
                                    "/api/v1/workspaces/" + workspaceId + "/conversations/" + conversation,
                                    tokenB,
                                    "{\"status\":\"SNOOZED\",\"snoozedUntil\":\"" + until + "\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> count("select count(*) from conversations where status = 'SNOOZED'") == 0);

        for (AppProcess node : nodes) {
            assertThat(node.log()).doesNotContain(" ERROR ");
        }
    }

    private AppProcess node(String name, String... arguments) throws Exception {
        AppProcess node = AppProcess.start(storage, name, arguments);
        nodes.add(node);
        return node;
    }

    private long inbound() throws Exception {
        return count("select count(*) from messages where kind = 'INBOUND'");
    }

    private long count(String sql) throws Exception {
        try (Connection db = storage.database();
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The provider ids of the conversation holding the first of these messages, oldest first. */
    private static List<String> conversationOrder(Connection db, List<String> mine) throws Exception {
        List<String> order = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                select m.provider_message_id from messages m
                where m.kind = 'INBOUND' and m.conversation_id =
                    (select conversation_id from messages where provider_message_id = ?)
                order by m.created_at, m.id""")) {
            q.setString(1, mine.getFirst());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    order.add(rs.getString(1));
                }
            }
        }
        return order;
    }

    private static List<String> conversationIds(AppProcess node, String token, String workspaceId) throws Exception {
        String page = node.get("/api/v1/workspaces/" + workspaceId + "/conversations?size=100", token);
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"number\"")
                .matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
