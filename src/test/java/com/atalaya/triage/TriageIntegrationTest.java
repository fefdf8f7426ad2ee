package com.atalaya.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.UiSession;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.Priority;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.SentimentLabel;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

class TriageIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    MessageTriages triages;

    @Autowired
    TriageModels models;

    @Autowired
    RetrainingModels retraining;

    @Autowired
    Triaging triaging;

    TestWorkspaces.Tenant shop;

    @BeforeEach
    void shop() {
        shop = workspaces.create("Moda Triaje");
    }

    private MessageTriage triagedMessage(String text) {
        Conversations.submitContactForm(http(), shop.slug(), "Lucía", "lucia@example.com", text);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> triages.findAll().stream()
                                .filter(t -> t.getWorkspaceId().equals(shop.id()))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
    }

    @Test
    void anInboundMessageIsTriagedOnceAndItsConversationPrioritised() {
        MessageTriage t = triagedMessage(
                "Mi pedido #48213 todavía no ha llegado, llevo dos semanas esperando. Es una vergüenza!!");
        assertThat(t.getLanguage()).isEqualTo("es");
        assertThat(t.sentiment()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(t.intent()).isEqualTo(Intent.LATE_DELIVERY);
        assertThat(t.intentReasons()).isNotEmpty();
        assertThat(t.trollVerdict().code()).isEqualTo("legitimate_complaint");
        Conversation c = Conversations.all(conversations, shop.member()).getFirst();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> conversations
                                .conversation(shop.member(), c.getId())
                                .getPriority(),
                        p -> p == Priority.HIGH || p == Priority.URGENT);
        var urgentFirst = conversations.list(
                shop.member(),
                new com.atalaya.inbox.ConversationQuery(null, "any", null, null, null, null, true),
                0,
                10);
        assertThat(urgentFirst.getContent()).extracting(Conversation::getId).containsExactly(c.getId());
    }

    @Test
    void theApiTriagesAnyTextWithReasonsAndRejectsBadInput() {
        RestClient api = api(token(shop.email()));
        ResponseEntity<Map> ok = api.post()
                .uri("/api/v1/workspaces/" + shop.id() + "/triage")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .body(Map.of(
                        "text",
                        "You are a bunch of scammers, the blender arrived broken and does not turn on",
                        "channel",
                        "x"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = ok.getBody();
        assertThat((Map<String, Object>) body.get("language")).containsEntry("code", "en");
        assertThat((Map<String, Object>) body.get("sentiment")).containsEntry("label", "negative");
        assertThat((Map<String, Object>) body.get("toxicity")).containsEntry("toxic", true);
        assertThat((Map<String, Object>) body.get("intent")).containsEntry("label", "damaged_product");
        assertThat((List<?>) ((Map<String, Object>) body.get("intent")).get("reasons"))
                .isNotEmpty();
        assertThat(body).containsEntry("publicChannel", true).containsEntry("modelVersion", 0);
        assertThat((List<String>) ((Map<String, Object>) body.get("priority")).get("reasons"))
                .contains("Public post");

        assertThat(status(api, "{\"text\":\"   \"}")).isEqualTo(400);
        assertThat(status(api, "{\"text\":\"" + "a".repeat(10_001) + "\"}")).isEqualTo(400);
        assertThat(status(api, "{\"text\":\"hola\",\"channel\":\"<script>\"}")).isEqualTo(400);
        assertThat(status(api, "{not json")).isEqualTo(400);
        ResponseEntity<String> problem = api.post()
                .uri("/api/v1/workspaces/" + shop.id() + "/triage")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .toEntity(String.class);
        assertThat(problem.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(problem.getBody()).contains("text");
    }

    @Test
    void anotherWorkspaceCanNeitherTriageWithNorCorrectThisOne() {
        MessageTriage t = triagedMessage("¿Tenéis la chaqueta en talla M?");
        TestWorkspaces.Tenant other = workspaces.create("Otra Tienda");
        assertThat(status(api(token(other.email())), shop.id().toString(), "{\"text\":\"hola\"}"))
                .isEqualTo(404);
        UiSession outsider = UiSession.of(port, other.email(), TestWorkspaces.PASSWORD);
        assertThat(outsider.status("/w/" + shop.slug() + "/triage/messages/" + t.getMessageId()))
                .isEqualTo(404);
        int posted = outsider.postForResponse(
                        "/w/" + other.slug() + "/inbox",
                        "/w/" + other.slug() + "/triage/messages/" + t.getMessageId() + "/labels",
                        "kind=intent&label=spam")
                .statusCode();
        assertThat(posted).isEqualTo(404);
        assertThat(triages.findById(t.getMessageId()).orElseThrow().intentCorrected())
                .isFalse();
    }

    @Test
    void aCorrectionChangesTheLabelAndRetrainingKeepsTheBetterModel() {
        MessageTriage t = triagedMessage("Quiero saber si hacéis descuento a empresas");
        UiSession agent = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        String url = "/w/" + shop.slug() + "/triage/messages/" + t.getMessageId() + "/labels";
        var response = agent.postForResponse("/w/" + shop.slug() + "/inbox", url, "kind=intent&label=product_question");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Pregunta de producto ✓");
        assertThat(agent.postForResponse("/w/" + shop.slug() + "/inbox", url, "kind=intent&label=nonsense")
                        .statusCode())
                .isEqualTo(400);
        MessageTriage corrected = triages.findById(t.getMessageId()).orElseThrow();
        assertThat(corrected.intent()).isEqualTo(Intent.PRODUCT_QUESTION);
        assertThat(corrected.intentCorrected()).isTrue();
        assertThat(agent.get("/w/" + shop.slug() + "/settings/triage")).contains("id=\"corrections-count\">1<");

        TriageModel v1 = retraining.retrain(shop.id());
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v1.getCorrections()).isEqualTo(1);
        assertThat(v1.getOutcome()).contains("held-out macro-F1");
        assertThat(v1.getHeldoutSize()).isGreaterThan(50);
        if (v1.isActive()) {
            assertThat(triaging.models(shop.id()).version()).isEqualTo(1);
        } else {
            assertThat(v1.getSentimentF1() + v1.getIntentF1())
                    .isLessThan(v1.getPreviousSentimentF1() + v1.getPreviousIntentF1());
            assertThat(triaging.models(shop.id()).version()).isZero();
        }
        TriageModel v2 = retraining.retrain(shop.id());
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(models.findTop20ByWorkspaceIdOrderByVersionDesc(shop.id())).hasSize(2);
        assertThat(agent.get("/w/" + shop.slug() + "/settings/triage"))
                .contains("v2")
                .contains("v1");
    }

    @Test
    void aProbableTrollGetsOnlyThePoliteOnceReplyAndIsNotPrioritised() {
        MessageTriage t = triagedMessage("Sois unos payasos, menuda panda de inútiles, ojalá cerréis pronto jajaja");
        assertThat(t.isToxic()).isTrue();
        assertThat(t.trollVerdict().code()).isEqualTo("probable_troll");
        UiSession agent = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        String suggestions =
                agent.get("/w/" + shop.slug() + "/conversations/" + t.getConversationId() + "/suggestions");
        assertThat(suggestions)
                .contains("Troll: responder una vez con educación")
                .doesNotContain("Entrega con retraso");
        assertThat(suggestions).contains("Probable troll");
        assertThat(agent.get("/w/" + shop.slug() + "/settings/replies"))
                .as("the defaults are seeded once")
                .contains("Entrega con retraso");
        assertThat(agent.get("/w/" + shop.slug() + "/settings/replies").split("name=\"id\"", -1))
                .as("one form per reply: 11 intents (not spam) and the troll answer, in es and en")
                .hasSize(24 + 1);
        assertThat(conversations
                        .conversation(shop.member(), t.getConversationId())
                        .getPriority())
                .isIn(Priority.LOW, Priority.NORMAL);
    }

    private String token(String email) {
        return http().post()
                .uri("/api/v1/tokens")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((email + ":" + TestWorkspaces.PASSWORD).getBytes()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"tests\"}")
                .retrieve()
                .body(Map.class)
                .get("token")
                .toString();
    }

    private RestClient api(String bearer) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + bearer)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private int status(RestClient api, String json) {
        return status(api, shop.id().toString(), json);
    }

    private static int status(RestClient api, String workspaceId, String json) {
        return api.post()
                .uri("/api/v1/workspaces/" + workspaceId + "/triage")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }
}
