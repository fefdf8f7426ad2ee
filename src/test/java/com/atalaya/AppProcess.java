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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atalaya as a separate operating-system process on this test's class path (not a Spring context
 * in the test JVM), so a test can kill it with SIGKILL or run two of them on one database. H2 file
 * database in its data directory, or, with -Datalaya.test.db=postgres, a schema of the PostgreSQL
 * test database that several processes can share.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN = "process@example.com";
    static final String PASSWORD = "process-test-password-1";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");

    /** Where the processes of one test keep their database: one H2 directory or one PostgreSQL schema. */
    record Storage(Path dataDir, String schema, String encryptionKey) {
        static Storage fresh() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return new Storage(
                    tempDir(),
                    "proc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                    Base64.getEncoder().encodeToString(key));
        }

        Connection database() throws Exception {
            if (IntegrationTest.POSTGRES) {
                return DriverManager.getConnection(
                        "jdbc:postgresql://" + IntegrationTest.PG_HOST + ":" + IntegrationTest.PG_PORT
                                + "/test?currentSchema=" + schema,
                        "postgres",
                        "");
            }
            return DriverManager.getConnection(
                    "jdbc:h2:file:" + dataDir.resolve("db/atalaya") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "sa",
                    "");
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a process named {@code name} (its log: {@code <data dir>/<name>.log}) and waits for health UP. */
    static AppProcess start(Storage storage, String name, String... arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                AtalayaApplication.class.getName(),
                "--server.port=" + port,
                "--atalaya.webchat.limits.messages=1000000",
                "--atalaya.webchat.limits.sessions=1000",
                "--spring.datasource.hikari.maximum-pool-size=10"));
        command.addAll(List.of(arguments));
        if (IntegrationTest.POSTGRES) {
            command.add("--spring.datasource.url=jdbc:postgresql://" + IntegrationTest.PG_HOST + ":"
                    + IntegrationTest.PG_PORT + "/test?currentSchema=" + storage.schema());
            command.add("--spring.datasource.username=postgres");
            command.add("--spring.datasource.password=");
            command.add("--spring.flyway.schemas=" + storage.schema());
        }
        Path log = storage.dataDir().resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // One data directory for every process of the storage, like a volume the nodes share.
        environment.put("ATALAYA_DATA_DIR", storage.dataDir().toString());
        environment.put("ATALAYA_ENCRYPTION_KEY", storage.encryptionKey());
        environment.put("ATALAYA_ADMIN_EMAIL", ADMIN);
        environment.put("ATALAYA_ADMIN_PASSWORD", PASSWORD);
        AppProcess app = new AppProcess(builder.start(), port, log);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(app.process.isAlive())
                            .as("the application process is running (see %s)", log)
                            .isTrue();
                    return app.get("/actuator/health", null).contains("UP");
                });
        return app;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM and wait: a clean shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String apiToken() throws Exception {
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

    String slug(String apiToken) throws Exception {
        return match(SLUG, get("/api/v1/workspaces", apiToken));
    }

    double gauge(String apiToken, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$")
                .matcher(get("/actuator/prometheus", apiToken));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** A new chat session on the workspace's widget; its visitor token. */
    String openSession(String slug, String name) throws Exception {
        return match(
                TOKEN,
                send("POST", "/widget/" + slug + "/api/sessions", null, "{\"name\":\"" + name + "\"}")
                        .body());
    }

    /** A visitor's chat message; the HTTP status (201 when acknowledged). */
    int postChat(String slug, String visitorToken, String clientId, String text)
            throws IOException, InterruptedException {
        return send(
                        "POST",
                        "/widget/" + slug + "/api/messages",
                        visitorToken,
                        "{\"text\":\"" + text + "\",\"clientId\":\"" + clientId + "\"}")
                .statusCode();
    }

    String get(String path, String bearer) throws IOException, InterruptedException {
        return send("GET", path, bearer, null).body();
    }

    HttpResponse<String> send(String method, String path, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String match(Pattern pattern, String body) {
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
            return Files.createTempDirectory("atalaya-process-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
