package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.atalaya.UiSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as its own process, on its default database (an H2 file), against Debian's
 * Dovecot and Postfix: a mailbox saved through the settings form is read at once; SIGKILL in the
 * middle of a stream of 60 mails and a restart leave every mail in the inbox exactly once; SIGTERM
 * then shuts down without an error.
 */
@Tag("real-mail-servers")
class EmailRestartRealServersTest {

    private static final String ADMIN = "admin@example.com";
    private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    private static final String SHOP = "restart@example.com";
    private static final int STREAM = 60;
    private static final Path LOGS = Path.of("target", "real-mail", "restart");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RealMailServers servers;
    static Path data;
    static final List<AtalayaProcess> started = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        RealMailServers.require();
        servers = RealMailServers.start("restart");
        data = RealMailServers.temporaryDirectory("restart-data");
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (AtalayaProcess process : started) {
            if (process.alive()) {
                process.kill();
            }
        }
        if (servers != null) {
            servers.close();
        }
        RealMailServers.deleteRecursively(data);
    }

    @Test
    void killedMidStreamAndRestartedTheInboxHasEveryMailOnceAndSigtermStopsWithoutAnError() throws Exception {
        AtalayaProcess first = startAtalaya(LOGS.resolve("atalaya-1.log"));
        String token = token(first.port);
        JsonNode workspace = get(first.port, token, "/api/v1/workspaces").get(0);
        String workspaceId = workspace.get("id").asString();
        String slug = workspace.get("slug").asString();

        servers.send(RealMailServers.mail(
                "lucia@example.org", SHOP, "<before-saving@example.org>", "Antes de guardar", "Esperando"));
        await().atMost(Duration.ofSeconds(30)).until(() -> servers.delivered(SHOP) == 1);
        Instant saved = Instant.now();
        saveMailbox(first.port, slug);
        await().atMost(Duration.ofSeconds(20)).until(() -> total(first.port, token, workspaceId) == 1);
        EmailRealServersTest.timing(
                "separate process: saved through the form, first mail in the inbox %d ms later (refresh: 1 h)",
                Duration.between(saved, Instant.now()).toMillis());

        ScheduledExecutorService streamer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        streamer.scheduleAtFixedRate(
                () -> {
                    int n = sent.get();
                    if (n < STREAM) {
                        servers.send(RealMailServers.mail(
                                "cliente" + (n % 7) + "@example.org",
                                SHOP,
                                "<stream-" + n + "@example.org>",
                                "Pedido " + n,
                                "Mensaje " + n));
                        sent.incrementAndGet();
                    }
                },
                0,
                150,
                TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> total(first.port, token, workspaceId) >= 11);
        int sentAtKill = sent.get();
        long inInboxAtKill = total(first.port, token, workspaceId);
        first.kill();
        EmailRealServersTest.timing(
                "separate process: SIGKILL with %d of %d mails sent and %d conversations in the inbox",
                sentAtKill, STREAM, inInboxAtKill);
        assertThat(sentAtKill).as("killed mid-stream").isLessThan(STREAM);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() == STREAM);
        streamer.shutdownNow();

        AtalayaProcess second = startAtalaya(LOGS.resolve("atalaya-2.log"));
        Instant restarted = Instant.now();
        String token2 = token(second.port);
        // A busy application may answer slowly: a poll that times out is simply repeated.
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> total(second.port, token2, workspaceId) >= STREAM + 1);
        } catch (ConditionTimeoutException e) {
            List<String> shutdownErrors = sigterm(second);
            String counts = "receipts (the adapter's part) " + count("select count(*) from inbound_receipts")
                    + ", distinct inbound messages in the inbox "
                    + count("select count(distinct provider_message_id) from messages where kind = 'INBOUND'");
            EmailRealServersTest.timing("separate process: FAILED, after the restart %s of %d", counts, STREAM + 1);
            fail("Not every mail was in the inbox 2 minutes after the restart: " + counts + " of " + (STREAM + 1)
                    + "; see " + second.log + ". Errors logged on SIGTERM: " + shutdownErrors);
        }
        EmailRealServersTest.timing(
                "separate process: all %d conversations in the inbox %d ms after the restart was ready",
                STREAM + 1, Duration.between(restarted, Instant.now()).toMillis());

        JsonNode page = get(second.port, token2, "/api/v1/workspaces/" + workspaceId + "/conversations?size=100");
        assertThat(page.get("totalItems").asLong()).isEqualTo(STREAM + 1);
        Map<String, Integer> messagesBySubject = new HashMap<>();
        for (JsonNode conversation : page.get("items")) {
            messagesBySubject.merge(
                    conversation.get("subject").asString(),
                    conversation.get("messageCount").asInt(),
                    Integer::sum);
        }
        List<String> subjects = new ArrayList<>();
        subjects.add("Antes de guardar");
        for (int i = 0; i < STREAM; i++) {
            subjects.add("Pedido " + i);
        }
        assertThat(messagesBySubject).containsOnlyKeys(subjects);
        assertThat(messagesBySubject.values()).as("one message each").containsOnly(1);

        assertThat(sigterm(second))
                .as("errors logged while shutting down (see " + second.log + ")")
                .isEmpty();
        assertThat(second.output()).contains("Shutdown completed");

        assertThat(providerIdCounts())
                .as("each provider message once in the messages table")
                .hasSize(STREAM + 1)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    /** Stops the application with SIGTERM; returns what it logged as ERROR meanwhile, or about a closed database. */
    private static List<String> sigterm(AtalayaProcess process) throws InterruptedException {
        int logBefore = process.output().length();
        int exit = process.terminate(Duration.ofSeconds(60));
        String shutdown = process.output().substring(logBefore);
        EmailRealServersTest.timing("separate process: SIGTERM, exit code %d", exit);
        List<String> errors = new ArrayList<>(shutdown.lines()
                .filter(l -> l.contains(" ERROR ") || l.contains("Database is already closed"))
                .toList());
        if (process.output().contains("Database is already closed")) {
            errors.add("'Database is already closed' in the log");
        }
        return errors;
    }

    private static AtalayaProcess startAtalaya(Path log) {
        AtalayaProcess process =
                AtalayaProcess.start(data, log, ADMIN, ADMIN_PASSWORD, "--atalaya.email.refresh-every=1h");
        started.add(process);
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(process::ready);
        return process;
    }

    /** Saves the e-mail connection through the settings form, as an administrator does. */
    private static void saveMailbox(int port, String slug) {
        UiSession ui = UiSession.of(port, ADMIN, ADMIN_PASSWORD);
        Map<String, String> form = new HashMap<>(servers.settings(SHOP));
        form.put("_name", "Soporte");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = "/w/" + slug + "/settings/channels/new/email";
        HttpResponse<String> response = ui.postForResponse(path, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private static String token(int port) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"real-mail test\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("token").asString();
    }

    private static JsonNode get(int port, String token, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long total(int port, String token, String workspaceId) throws Exception {
        return get(port, token, "/api/v1/workspaces/" + workspaceId + "/conversations?size=1")
                .get("totalItems")
                .asLong();
    }

    private static int count(String sql) throws Exception {
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + data + "/db/atalaya;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    /** Read from the H2 file once the application has stopped. */
    private static Map<String, Integer> providerIdCounts() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = database();
                ResultSet rows = db.createStatement()
                        .executeQuery("select provider_message_id, count(*) from messages where kind = 'INBOUND'"
                                + " group by provider_message_id")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
