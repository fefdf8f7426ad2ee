package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.webchat.WebchatVisitorClient.EventStream;
import com.atalaya.identity.IssuingApiTokens;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Visitors' event streams hold web-server connections, so an address may hold only a few and
 * the node only so many, while agents keep getting answers. Addresses are told apart by the
 * X-Forwarded-For a proxy in front sets, as in production behind a load balancer.
 */
@TestPropertySource(
        properties = {
            "atalaya.webchat.limits.streams=3",
            "atalaya.webchat.limits.streams-per-ip=2",
            "atalaya.webchat.status-every=1s",
            "server.forward-headers-strategy=native"
        })
class WebchatStreamLimitsIntegrationTest extends IntegrationTest {

    static final String A = "203.0.113.10";
    static final String B = "203.0.113.20";
    static final String C = "198.51.100.30";

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IssuingApiTokens tokens;

    @Autowired
    VisitorStreams streams;

    WebchatVisitorClient visitor;
    Tenant shop;
    final List<EventStream> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        visitor = new WebchatVisitorClient(http(), port);
        shop = workspaces.create("Tienda");
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(EventStream::close);
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.open() == 0);
    }

    @Test
    void anAddressHoldingItsShareOfStreamsGetsA429Problem() {
        live(A);
        live(A);

        EventStream third = answered(A);
        EventStream other = live(B);

        assertThat(third.status).isEqualTo(429);
        assertThat(third.headers.getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(third.headers.getFirst("Retry-After")).isEqualTo("30");
        assertThat(third.body()).contains("Hay demasiados chats abiertos desde tu conexión");
        assertThat(other.status).isEqualTo(200);
        assertThat(streams.openFrom(A)).isEqualTo(2);
    }

    @Test
    void whileVisitorsHoldAllStreamsOfTheNodeItAnswers503AndAgentsStillGetAnswers() {
        String agentToken = tokens.issue(shop.admin().id(), "agent").token();
        EventStream first = live(A);
        live(A);
        live(B);

        EventStream refused = answered(C);
        long start = System.nanoTime();
        ResponseEntity<String> agent = http().get()
                .uri("/api/v1/workspaces")
                .header("Authorization", "Bearer " + agentToken)
                .retrieve()
                .toEntity(String.class);

        assertThat(refused.status).isEqualTo(503);
        assertThat(refused.headers.getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("demasiadas conexiones");
        assertThat(agent.getStatusCode().value()).isEqualTo(200);
        assertThat(agent.getBody()).contains(shop.slug());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        first.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.open() == 2);
        assertThat(live(C).status).as("a closed stream gives its place back").isEqualTo(200);
    }

    /** A stream that was accepted and has received its first status event. */
    private EventStream live(String address) {
        EventStream stream = open(address);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.received("status", "online"));
        return stream;
    }

    /** A stream that the server answered and closed: a refusal with its whole body. */
    private EventStream answered(String address) {
        EventStream stream = open(address);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.status != 0 && stream.body().contains("}"));
        return stream;
    }

    private EventStream open(String address) {
        EventStream stream = visitor.stream(shop.slug(), null, Map.of("X-Forwarded-For", address));
        opened.add(stream);
        return stream;
    }
}
