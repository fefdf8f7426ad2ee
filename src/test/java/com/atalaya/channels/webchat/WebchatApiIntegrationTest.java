package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.IntegrationTest;
import com.atalaya.PathologicalInput;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.webchat.WebchatVisitorClient.Session;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The visitor API's answers to bad input, strangers and floods; the embed's resources and headers. */
class WebchatApiIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    WebchatVisitorClient visitor;
    Tenant shop;

    @BeforeEach
    void setUp() {
        visitor = new WebchatVisitorClient(http(), port);
        shop = workspaces.create("Tienda");
    }

    @Test
    void emptyAndOverlongMessagesAreRefusedInTheVisitorsLanguage() {
        Session session = visitor.session(shop.slug());

        var empty = visitor.post(shop.slug(), session.token(), Map.of("text", "   "), "es-ES,es;q=0.9");
        var emptyEnglish = visitor.post(shop.slug(), session.token(), Map.of("text", ""), "en-GB,en;q=0.9");
        var tooLong = visitor.post(shop.slug(), session.token(), Map.of("text", "a".repeat(5001)), "es");
        var longest = visitor.post(shop.slug(), session.token(), Map.of("text", "a".repeat(5000)), "es");

        assertProblem(empty, 400, "Escribe un mensaje.");
        assertThat(empty.getBody()).containsEntry("field", "text");
        assertProblem(emptyEnglish, 400, "Write a message.");
        assertProblem(tooLong, 400, "como máximo 5.000 caracteres");
        assertThat(longest.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void badEmailAddressesAreRefused() {
        var session = visitor.openSession(shop.slug(), Map.of("email", "not-an-address"));
        var left = visitor.leaveMessage(shop.slug(), Map.of("email", "ana@", "message", "Hola"), "en");
        var missing = visitor.leaveMessage(shop.slug(), Map.of("message", "Hola"), "es");

        assertProblem(session, 400, "dirección de e-mail válida");
        assertThat(session.getBody()).containsEntry("field", "email");
        assertProblem(left, 400, "valid e-mail address");
        assertProblem(missing, 400, "Escribe tu e-mail");
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        assertProblem(visitor.status("no-such-shop"), 404, "no existe");
        assertProblem(visitor.openSession("no-such-shop", Map.of()), 404, "no existe");
        assertProblem(visitor.status("Not-A-Slug"), 404, null);
        ResponseEntity<String> frame = http().get()
                .uri("/widget/{slug}/frame", "no-such-shop")
                .retrieve()
                .toEntity(String.class);
        assertThat(frame.getStatusCode().value()).isEqualTo(404);
        assertThat(frame.getBody()).contains("Chat no disponible");
    }

    @Test
    void aMissingOrWrongTokenIsUnauthorized() {
        ResponseEntity<Map<String, Object>> missing = http().get()
                .uri("/widget/{slug}/api/messages", shop.slug())
                .retrieve()
                .toEntity(WebchatVisitorClient.JSON);
        var wrong = visitor.transcript(shop.slug(), "not-a-token");

        assertProblem(missing, 401, "sesión de chat no es válida");
        assertThat(missing.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertProblem(wrong, 401, null);
    }

    @Test
    void openingSessionsIsRateLimitedPerClient() {
        for (int i = 0; i < 20; i++) {
            assertThat(visitor.openSession(shop.slug(), Map.of())
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
        }

        var refused = visitor.openSession(shop.slug(), Map.of());

        assertProblem(refused, 429, "Espera");
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isPositive();
        Tenant otherShop = workspaces.create("Otra");
        assertThat(visitor.openSession(otherShop.slug(), Map.of())
                        .getStatusCode()
                        .value())
                .as("another widget has its own budget")
                .isEqualTo(201);
    }

    @Test
    void markupIsKeptAsPlainText() {
        Session session = visitor.session(shop.slug());
        String markup = "<img src=x onerror=alert(1)> <b>hola</b>";

        visitor.say(shop.slug(), session, markup);

        assertThat(visitor.lines(shop.slug(), session))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("text", markup));
    }

    @Test
    void malformedOrHugeBodiesAreRefused() {
        ResponseEntity<Map<String, Object>> malformed = http().post()
                .uri("/widget/{slug}/api/sessions", shop.slug())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .retrieve()
                .toEntity(WebchatVisitorClient.JSON);
        ResponseEntity<String> huge = http().post()
                .uri("/widget/{slug}/api/offline-messages", shop.slug())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"message\":\"" + "x".repeat(70_000) + "\"}")
                .retrieve()
                .toEntity(String.class);

        assertProblem(malformed, 400, "no es válida");
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void jsonOfTheWrongTypeIsA400SayingWhichField() {
        Session session = visitor.session(shop.slug());

        var number = visitor.postRaw(shop.slug(), "messages", session.token(), "{\"text\":123}", "es");
        var list = visitor.postRaw(shop.slug(), "sessions", null, "{\"name\":[\"Ana\"]}", "en");
        var object = visitor.postRaw(
                shop.slug(), "offline-messages", null, "{\"email\":{\"a\":1},\"message\":\"hola\"}", "en");

        assertProblem(number, 400, "«text» debe ser un texto");
        assertThat(number.getBody()).containsEntry("field", "text").containsEntry("code", "input.wrongType");
        assertProblem(list, 400, "name must be a string");
        assertProblem(object, 400, "email must be a string");
        assertThat(visitor.lines(shop.slug(), session)).isEmpty();
    }

    @Test
    void aControlCharacterIsA400AndNothingIsStored() {
        Session session = visitor.session(shop.slug());

        var message = visitor.postRaw(shop.slug(), "messages", session.token(), "{\"text\":\"hola\\u0000\"}", "es");
        var name = visitor.postRaw(shop.slug(), "sessions", null, "{\"name\":\"An\\u0000a\"}", "en");
        var offline = visitor.postRaw(
                shop.slug(),
                "offline-messages",
                null,
                "{\"email\":\"ana@tienda.es\",\"message\":\"\\u0007hola\"}",
                "es");
        ResponseEntity<Map<String, Object>> token = http().get()
                .uri("/widget/{slug}/api/stream?token={token}", shop.slug(), session.token() + "\u0000")
                .retrieve()
                .toEntity(WebchatVisitorClient.JSON);

        assertProblem(message, 400, "«text» contiene un carácter de control");
        assertThat(message.getBody()).containsEntry("field", "text");
        assertProblem(name, 400, "name contains a control character");
        assertProblem(offline, 400, "carácter de control");
        assertProblem(token, 400, "token");
        assertThat(visitor.lines(shop.slug(), session)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from webchat_visitors where workspace_id = ?", Long.class, shop.id()))
                .as("only the first session")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from inbound_receipts r join channel_connections c on c.id = r.connection_id"
                                + " where c.workspace_id = ?",
                        Long.class,
                        shop.id()))
                .as("nothing received")
                .isZero();
    }

    /**
     * Benchmark-style with a generous bound. 100,000 characters are over the body limit (413 before
     * parsing); 60,000 fit and reach the checks of each field. The old e-mail expression took minutes.
     */
    @Test
    void everyFieldAnswersPathologicalInputQuickly() {
        for (int length : new int[] {100_000, 60_000}) {
            for (String input : PathologicalInput.of(length)) {
                Tenant tenant = workspaces.create("Tienda");
                Session session = visitor.session(tenant.slug());
                List<Supplier<ResponseEntity<?>>> calls = List.of(
                        () -> visitor.openSession(tenant.slug(), Map.of("name", input)),
                        () -> visitor.openSession(tenant.slug(), Map.of("email", input)),
                        () -> visitor.post(tenant.slug(), session.token(), Map.of("text", input), "es"),
                        () -> visitor.post(
                                tenant.slug(), session.token(), Map.of("text", "hola", "clientId", input), "es"),
                        () -> visitor.leaveMessage(
                                tenant.slug(), Map.of("name", input, "email", "a@b.es", "message", "hola"), "es"),
                        () -> visitor.leaveMessage(tenant.slug(), Map.of("email", input, "message", "hola"), "es"),
                        () -> visitor.leaveMessage(tenant.slug(), Map.of("email", "a@b.es", "message", input), "es"),
                        () -> visitor.leaveMessage(
                                tenant.slug(), Map.of("email", "a@b.es", "message", "hola", "clientId", input), "es"),
                        () -> visitor.transcript(tenant.slug(), headerSafe(input.substring(0, 4000))),
                        () -> http().get()
                                .uri("/widget/{slug}/api/stream?token={token}", tenant.slug(), input.substring(0, 4000))
                                .retrieve()
                                .toEntity(String.class));
                for (int i = 0; i < calls.size(); i++) {
                    long start = System.nanoTime();
                    int status = calls.get(i).get().getStatusCode().value();
                    Duration took = Duration.ofNanos(System.nanoTime() - start);

                    String what = "call " + i + " with " + length + " of " + input.substring(0, 8) + "…";
                    assertThat(status).as(what).isBetween(200, 499);
                    assertThat(took).as(what).isLessThan(Duration.ofSeconds(2));
                }
            }
        }
    }

    @Test
    void theEmbedScriptIsCacheableJavaScript() {
        ResponseEntity<String> script =
                http().get().uri("/widget.js").retrieve().toEntity(String.class);
        String etag = script.getHeaders().getETag();
        ResponseEntity<String> again = http().get()
                .uri("/widget.js")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .retrieve()
                .toEntity(String.class);

        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/javascript")))
                .isTrue();
        assertThat(script.getHeaders().getCacheControl())
                .contains("max-age=3600")
                .contains("public");
        assertThat(script.getBody()).contains("data-workspace").contains("/frame");
        assertThat(etag).isNotBlank();
        assertThat(again.getStatusCode().value()).isEqualTo(304);
    }

    @Test
    void theFrameIsEmbeddableAndHasNoInlineScriptOrStyle() {
        ResponseEntity<String> frame = http().get()
                .uri("/widget/{slug}/frame", shop.slug())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
                .retrieve()
                .toEntity(String.class);

        assertThat(frame.getStatusCode().value()).isEqualTo(200);
        assertThat(frame.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(frame.getHeaders().getFirst("X-Frame-Options")).isNull();
        assertThat(frame.getBody())
                .contains("Hi there! How can we help?")
                .contains("Leave us a message")
                .contains("/widget/assets/frame.js")
                .doesNotContain(" style=");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)")
                        .matcher(frame.getBody())
                        .find())
                .as("no inline script")
                .isFalse();
        ResponseEntity<String> script =
                http().get().uri("/widget/assets/frame.js").retrieve().toEntity(String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("textContent").doesNotContain("innerHTML");
    }

    @Test
    void theAccentColourMustBeAHexColourAndStylesTheWidget() {
        ChannelConnection widget = connections.first(shop.id(), "webchat").orElseThrow();

        assertThatThrownBy(() -> connections.update(
                        shop.member(), widget.getId(), "webchat", Map.of("accentColor", "red;}body{display:none")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hex colour");
        connections.update(
                shop.member(),
                widget.getId(),
                "webchat",
                Map.of("accentColor", "#FDE047", "title", "Soporte Tienda", "greeting", "¡Buenas!"));

        String theme = http().get()
                .uri("/widget/{slug}/theme.css", shop.slug())
                .retrieve()
                .body(String.class);
        Map<String, Object> config = http().get()
                .uri("/widget/{slug}/api/config", shop.slug())
                .header(HttpHeaders.ORIGIN, "https://shop.example")
                .retrieve()
                .body(WebchatVisitorClient.JSON);
        ResponseEntity<String> frame =
                http().get().uri("/widget/{slug}/frame", shop.slug()).retrieve().toEntity(String.class);

        assertThat(theme).contains("--wc-accent:#fde047").contains("--wc-on-accent:#111827");
        assertThat(config)
                .containsEntry("accentColor", "#fde047")
                .containsEntry("title", "Soporte Tienda")
                .containsEntry("online", false);
        assertThat(frame.getBody()).contains("¡Buenas!").contains("Soporte Tienda");
    }

    @Test
    void theEmbedConfigCanBeReadFromAnyOrigin() {
        ResponseEntity<Map<String, Object>> config = http().get()
                .uri("/widget/{slug}/api/config", shop.slug())
                .header(HttpHeaders.ORIGIN, "https://shop.example")
                .retrieve()
                .toEntity(WebchatVisitorClient.JSON);

        assertThat(config.getHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
        assertThat(config.getBody()).containsKeys("title", "accentColor", "online", "labels");
    }

    /** What an HTTP client lets through in a header: visible ASCII. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.chars().forEach(c -> safe.append(c > 0x20 && c < 0x7f ? (char) c : 'x'));
        return safe.toString();
    }

    private static void assertProblem(ResponseEntity<?> response, int status, String detailContaining) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        if (detailContaining != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) response.getBody();
            assertThat((String) body.get("detail")).contains(detailContaining);
        }
    }
}
