package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real application process while chat visitors are writing, then a plain restart on
 * the same database: every acknowledged message reaches its conversation exactly once within a
 * minute, and nothing is left queued. H2 file database, or PostgreSQL with -Datalaya.test.db=postgres.
 */
class CrashRecoveryIntegrationTest {

    private final AppProcess.Storage storage = AppProcess.Storage.fresh();
    private AppProcess app;

    @BeforeAll
    static void requireDatabase() {
        IntegrationTest.requireDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void everyAcknowledgedMessageReachesItsConversationOnceAfterKill9() throws Exception {
        app = AppProcess.start(storage, "first");
        String slug = app.slug(app.apiToken());
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visitors.add(app.openSession(slug, "Cliente " + i));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AppProcess first = app;
        ExecutorService writers = Executors.newFixedThreadPool(visitors.size());
        for (String visitor : visitors) {
            writers.submit(() -> {
                for (int n = 0; n < 10_000 && !Thread.currentThread().isInterrupted(); n++) {
                    String clientId = UUID.randomUUID().toString();
                    try {
                        if (first.postChat(slug, visitor, clientId, "Mensaje " + n) == 201) {
                            acknowledged.add(clientId);
                        }
                    } catch (IOException e) {
                        return; // the process is gone
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);
        app.kill();
        writers.shutdownNow();
        writers.close();
        int acked = acknowledged.size();

        app = AppProcess.start(storage, "second");
        String token = app.apiToken();
        AppProcess second = app;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> second.gauge(token, "atalaya_inbound_queue_waiting") == 0);
        app.close();
        String secondLog = app.log();
        app = null;

        try (Connection db = storage.database()) {
            Map<String, Integer> copies = new HashMap<>();
            try (ResultSet rs = db.createStatement()
                    .executeQuery("select provider_message_id from messages where kind = 'INBOUND'")) {
                while (rs.next()) {
                    copies.merge(rs.getString(1), 1, Integer::sum);
                }
            }
            assertThat(acknowledged)
                    .allSatisfy(id -> assertThat(copies.get(id))
                            .as("copies of acknowledged message %s", id)
                            .isEqualTo(1));
            assertThat(copies.values()).allMatch(n -> n == 1);
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from inbound_queue")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from contacts")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(visitors.size());
            }
        }
        assertThat(acked).isGreaterThanOrEqualTo(300);
        assertThat(secondLog).doesNotContain(" ERROR ");
    }
}
