package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real application process while chat visitors are writing, then a plain restart on
 * the same database: every acknowledged message reaches its conversation exactly once within a
 * minute, and nothing is left queued. H2 file database, or PostgreSQL with -Datalaya.test.db=postgres.
 */
class CrashRecoveryIntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ADMIN = "crash@example.com";
    private static final String PASSWORD = "crash-test-password-1";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir = tempDir();
    private final String schema =
            "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final int port = freePort();
    private Process app;

    @BeforeAll
    static void requireDatabase() {
        IntegrationTest.requireDatabase();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedMessageReachesItsConversationOnceAfterKill9() throws Exception {
        app = start("first");
        String slug = slug();
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visitors.add(openSession(slug, "Cliente " + i));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(visitors.size());
        for (String visitor : visitors) {
            writers.submit(() -> {
                for (int n = 0; n < 10_000 && !Thread.currentThread().isInterrupted(); n++) {
                    String clientId = UUID.randomUUID().toString();
                    try {
                        if (post(slug, visitor, clientId, "Mensaje " + n) == 201) {
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
        app.destroyForcibly().waitFor();
        writers.shutdownNow();
        writers.close();
        int acked = acknowledged.size();

        app = start("second");
        String token = apiToken();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> gauge(token, "atalaya_inbound_queue_waiting") == 0);
        app.destroy();
        app.waitFor();

        try (Connection db = database()) {
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
        assertThat(Files.readString(dataDir.resolve("second.log"))).doesNotContain(" ERROR ");
    }

    private Process start(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                AtalayaApplication.class.getName(),
                "--server.port=" + port,
                "--atalaya.webchat.limits.messages=1000000",
                "--atalaya.webchat.limits.sessions=1000"));
        if (IntegrationTest.POSTGRES) {
            command.add("--spring.datasource.url=jdbc:postgresql://" + IntegrationTest.PG_HOST + ":"
                    + IntegrationTest.PG_PORT + "/test?currentSchema=" + schema);
            command.add("--spring.datasource.username=postgres");
            command.add("--spring.datasource.password=");
            command.add("--spring.flyway.schemas=" + schema);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        builder.environment().put("ATALAYA_DATA_DIR", dataDir.toString());
        builder.environment().put("ATALAYA_ADMIN_EMAIL", ADMIN);
        builder.environment().put("ATALAYA_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the application process is running (see %s)", dataDir.resolve(name + ".log"))
                            .isTrue();
                    return get("/actuator/health", null).contains("UP");
                });
        return process;
    }

    private Connection database() throws Exception {
        if (IntegrationTest.POSTGRES) {
            return DriverManager.getConnection(
                    "jdbc:postgresql://" + IntegrationTest.PG_HOST + ":" + IntegrationTest.PG_PORT
                            + "/test?currentSchema=" + schema,
                    "postgres",
                    "");
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/atalaya") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    private String apiToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return match(
                TOKEN, http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private String slug() throws Exception {
        return match(SLUG, get("/api/v1/workspaces", apiToken()));
    }

    private double gauge(String token, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(get("/actuator/prometheus", token));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private String openSession(String slug, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/widget/" + slug + "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build();
        return match(
                TOKEN, http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private int post(String slug, String visitorToken, String clientId, String text)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/widget/" + slug + "/api/messages"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + visitorToken)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"" + text + "\",\"clientId\":\"" + clientId + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as("%s in %s", pattern, body).isTrue();
        return m.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("atalaya-crash-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
