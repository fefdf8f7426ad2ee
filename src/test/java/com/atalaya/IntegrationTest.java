package com.atalaya;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of integration tests: the whole application on a random port with its own data
 * directory. The database is H2 unless {@code -Datalaya.test.db=postgres}, which runs the same
 * tests against the PostgreSQL server at 127.0.0.1:5432 (database {@code test}) in a fresh schema.
 * Without a reachable server those runs are skipped, except under CI=true where they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final boolean POSTGRES = "postgres".equals(System.getProperty("atalaya.test.db"));
    static final String PG_HOST = System.getProperty("atalaya.test.pg-host", "127.0.0.1");
    static final int PG_PORT = Integer.getInteger("atalaya.test.pg-port", 5432);
    static final String SCHEMA =
            "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    /** An HTTP client for this server that returns every status instead of throwing. */
    protected RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @BeforeAll
    public static void requireDatabase() {
        if (POSTGRES && !reachable(PG_HOST, PG_PORT)) {
            String why = "PostgreSQL is not reachable at " + PG_HOST + ":" + PG_PORT;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + " and CI=true requires it");
            }
            Assumptions.abort(why + ": PostgreSQL integration tests skipped");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atalaya.data-dir", DATA_DIR::toString);
        // Up to 32 cached contexts share one database server: each keeps a small pool that shrinks when idle.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        if (POSTGRES) {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test?currentSchema=" + SCHEMA);
            registry.add("spring.datasource.username", () -> System.getProperty("atalaya.test.pg-user", "postgres"));
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.schemas", () -> SCHEMA);
        } else {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:" + SCHEMA
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("atalaya-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
