package com.atalaya.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.Role;
import com.atalaya.identity.TestWorkspaces;
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

class InboxApiIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    TestWorkspaces.Tenant shop;
    String token;

    @BeforeEach
    void shopWithTwoConversations() {
        shop = workspaces.create("Zapatería");
        Conversations.submitContactForm(
                http(), shop.slug(), "Lucía", "lucia@example.com", "Mi pedido 1234 no ha llegado");
        Conversations.submitContactForm(http(), shop.slug(), "Jordi", "jordi@example.com", "¿Enviáis a Canarias?");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Conversations.all(conversations, shop.member()).size() == 2);
        token = issueToken(shop.email(), TestWorkspaces.PASSWORD)
                .getBody()
                .get("token")
                .toString();
    }

    ResponseEntity<Map> issueToken(String email, String password) {
        return http().post()
                .uri("/api/v1/tokens")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"tests\"}")
                .retrieve()
                .toEntity(Map.class);
    }

    RestClient api(String bearer) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1/workspaces/" + shop.id())
                .defaultHeader("Authorization", "Bearer " + bearer)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void tokenEndpointNeedsTheRightPassword() {
        assertThat(issueToken(shop.email(), "wrong password!").getStatusCode().value())
                .isEqualTo(401);
        assertThat(token).startsWith("atl_");
    }

    @Test
    void wrongOrMissingBearerIsAProblem401() {
        ResponseEntity<String> wrong =
                api("atl_nope").get().uri("/conversations").retrieve().toEntity(String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(wrong.getBody()).contains("Bearer");
        assertThat(http().get()
                        .uri("/api/v1/workspaces")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void listsFiltersSearchesAndPaginatesConversations() {
        Map<String, Object> all =
                api(token).get().uri("/conversations").retrieve().body(Map.class);
        assertThat(all.get("totalItems")).isEqualTo(2);
        Map<String, Object> found =
                api(token).get().uri("/conversations?q=canarias").retrieve().body(Map.class);
        assertThat((List<Map<String, Object>>) found.get("items"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("contactAddress")).isEqualTo("jordi@example.com"));
        Map<String, Object> byAddress = api(token)
                .get()
                .uri("/conversations?q=LUCIA@example")
                .retrieve()
                .body(Map.class);
        assertThat(byAddress.get("totalItems")).isEqualTo(1);
        Map<String, Object> page =
                api(token).get().uri("/conversations?size=1&page=1").retrieve().body(Map.class);
        assertThat(page).containsEntry("totalPages", 2).containsEntry("page", 1);
        assertThat(api(token)
                        .get()
                        .uri("/conversations?channel=contact-form&status=OPEN&assignee=unassigned")
                        .retrieve()
                        .body(Map.class)
                        .get("totalItems"))
                .isEqualTo(2);
        assertThat(api(token)
                        .get()
                        .uri("/conversations?assignee=me")
                        .retrieve()
                        .body(Map.class)
                        .get("totalItems"))
                .isEqualTo(0);
        assertThat(api(token)
                        .get()
                        .uri("/conversations?status=NONSENSE")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void changesStatusAssigneePriorityAndTags() {
        String id = firstId();
        Map<String, Object> changed = api(token)
                .patch()
                .uri("/conversations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "status",
                        "PENDING",
                        "assigneeId",
                        shop.admin().id().toString(),
                        "priority",
                        "HIGH",
                        "tags",
                        List.of("Envío", "retraso")))
                .retrieve()
                .body(Map.class);
        assertThat(changed)
                .containsEntry("status", "PENDING")
                .containsEntry("priority", "HIGH")
                .containsEntry("assigneeId", shop.admin().id().toString());
        assertThat((List<String>) changed.get("tags")).containsExactly("envío", "retraso");
        assertThat(api(token)
                        .get()
                        .uri("/conversations?assignee=me")
                        .retrieve()
                        .body(Map.class)
                        .get("totalItems"))
                .isEqualTo(1);
    }

    @Test
    void badChangesAreExplainedAndChangeNothing() {
        String id = firstId();
        ResponseEntity<Map> stranger = api(token)
                .patch()
                .uri("/conversations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("assigneeId", java.util.UUID.randomUUID().toString(), "status", "RESOLVED"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(stranger.getStatusCode().value()).isEqualTo(400);
        assertThat(stranger.getBody()).containsKey("detail").containsEntry("field", "assigneeId");
        ResponseEntity<Map> pastSnooze = api(token)
                .patch()
                .uri("/conversations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "SNOOZED", "snoozedUntil", "2001-01-01T00:00:00Z"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(pastSnooze.getStatusCode().value()).isEqualTo(400);
        assertThat(api(token).get().uri("/conversations/" + id).retrieve().body(Map.class))
                .containsEntry("status", "OPEN");
        assertThat(api(token)
                        .post()
                        .uri("/conversations/" + id + "/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"text\":\"   \"}")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(api(token)
                        .post()
                        .uri("/conversations/" + id + "/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{not json")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void privateNoteIsStoredAndNeverSent() {
        String id = firstId();
        ResponseEntity<Map> note = api(token)
                .post()
                .uri("/conversations/" + id + "/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "Cliente VIP, tratar con cariño", "privateNote", true))
                .retrieve()
                .toEntity(Map.class);
        assertThat(note.getStatusCode().value()).isEqualTo(201);
        assertThat(note.getBody()).containsEntry("kind", "NOTE").containsEntry("deliveryStatus", null);
        List<Map<String, Object>> messages = (List<Map<String, Object>>) api(token)
                .get()
                .uri("/conversations/" + id + "/messages")
                .retrieve()
                .body(Map.class)
                .get("items");
        assertThat(messages).extracting(m -> m.get("kind")).containsExactly("INBOUND", "NOTE");
    }

    @Test
    void replyWithoutAMailboxFailsVisiblyAndIsKept() {
        String id = firstId();
        Map<String, Object> reply = api(token)
                .post()
                .uri("/conversations/" + id + "/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "¡Hola! Lo revisamos ahora mismo."))
                .retrieve()
                .body(Map.class);
        assertThat(reply).containsEntry("kind", "OUTBOUND").containsEntry("deliveryStatus", "SENDING");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> messages = (List<Map<String, Object>>) api(token)
                    .get()
                    .uri("/conversations/" + id + "/messages")
                    .retrieve()
                    .body(Map.class)
                    .get("items");
            assertThat(messages.get(1))
                    .containsEntry("deliveryStatus", "FAILED")
                    .satisfies(
                            m -> assertThat(m.get("deliveryError").toString()).contains("e-mail channel"));
        });
    }

    @Test
    void analystsReadButCannotChange() {
        AtalayaUser analyst = workspaces.addUser(shop, Role.ANALYST);
        String analystToken = issueToken(analyst.email(), TestWorkspaces.PASSWORD)
                .getBody()
                .get("token")
                .toString();
        String id = firstId();
        assertThat(api(analystToken)
                        .get()
                        .uri("/conversations/" + id)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<Map> refused = api(analystToken)
                .post()
                .uri("/conversations/" + id + "/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "hola"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).containsKey("detail");
    }

    @Test
    void contactsCanBeSearchedAndRead() {
        Map<String, Object> found =
                api(token).get().uri("/contacts?q=lucia").retrieve().body(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) found.get("items");
        assertThat(items)
                .singleElement()
                .satisfies(c -> assertThat(c.get("name")).isEqualTo("Lucía"));
        Map<String, Object> contact = api(token)
                .get()
                .uri("/contacts/" + items.get(0).get("id"))
                .retrieve()
                .body(Map.class);
        assertThat((List<?>) contact.get("identities")).hasSize(1);
        assertThat((List<?>) contact.get("conversationIds")).hasSize(1);
    }

    @Test
    void openApiDocumentsTheFixedPoints() {
        String docs = http().get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(docs)
                .contains("/api/v1/tokens")
                .contains("/api/v1/workspaces")
                .contains("/api/v1/workspaces/{workspaceId}/conversations/{conversationId}/messages");
    }

    private String firstId() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) api(token)
                .get()
                .uri("/conversations")
                .retrieve()
                .body(Map.class)
                .get("items");
        return items.get(0).get("id").toString();
    }

    @Test
    void jsonOfTheWrongTypeIsA400SayingWhichFieldAndWhatItMustBe() {
        String id = firstId();

        ResponseEntity<Map> number = post(id, "{\"text\":123}", "en");
        ResponseEntity<Map> spanish = post(id, "{\"text\":123}", "es");
        ResponseEntity<Map> flag = post(id, "{\"text\":\"hola\",\"privateNote\":\"yes\"}", "en");
        ResponseEntity<Map> status = api(token)
                .patch()
                .uri("/conversations/" + id)
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":1}")
                .retrieve()
                .toEntity(Map.class);

        assertThat(number.getStatusCode().value()).isEqualTo(400);
        assertThat(number.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(number.getBody())
                .containsEntry("field", "text")
                .containsEntry("detail", "text must be a string (in quotes).");
        assertThat(spanish.getBody()).containsEntry("detail", "«text» debe ser un texto (entre comillas).");
        assertThat(flag.getBody())
                .containsEntry("field", "privateNote")
                .containsEntry("detail", "privateNote must be true or false.");
        assertThat(status.getStatusCode().value()).isEqualTo(400);
        assertThat(status.getBody().get("detail").toString()).contains("status must be one of: OPEN, PENDING");
        assertThat(messageCount(id)).as("nothing was stored").isEqualTo(1);
        assertThat(api(token).get().uri("/conversations/" + id).retrieve().body(Map.class))
                .containsEntry("status", "OPEN");
    }

    @Test
    void aControlCharacterInAgentTextIsA400AndNothingIsStored() {
        String id = firstId();

        ResponseEntity<Map> nul = post(id, "{\"text\":\"Hola\\u0000adiós\"}", "en");
        ResponseEntity<Map> escape = post(id, "{\"text\":\"\\u001b[2J\",\"privateNote\":true}", "es");
        ResponseEntity<Map> tag = api(token)
                .patch()
                .uri("/conversations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"tags\":[\"ok\",\"a\\u0000b\"]}")
                .retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> search = api(token)
                .get()
                .uri("/conversations?q={q}", "pedido\u0000")
                .retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> tabsAndLines = post(id, "{\"text\":\"Hola,\\r\\n\\tgracias\",\"privateNote\":true}", "es");

        assertThat(nul.getStatusCode().value()).isEqualTo(400);
        assertThat(nul.getBody()).containsEntry("field", "text");
        assertThat(nul.getBody().get("detail").toString()).contains("control character");
        assertThat(escape.getStatusCode().value()).isEqualTo(400);
        assertThat(escape.getBody().get("detail").toString()).contains("carácter de control");
        assertThat(tag.getStatusCode().value()).isEqualTo(400);
        assertThat(tag.getBody()).containsEntry("field", "tags[1]");
        assertThat(search.getStatusCode().value()).isEqualTo(400);
        assertThat(search.getBody()).containsEntry("field", "q");
        assertThat(tabsAndLines.getStatusCode().value()).isEqualTo(201);
        assertThat(messageCount(id))
                .as("only the note with tabs and line breaks")
                .isEqualTo(2);
    }

    private ResponseEntity<Map> post(String conversationId, String json, String language) {
        return api(token)
                .post()
                .uri("/conversations/" + conversationId + "/messages")
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(Map.class);
    }

    private int messageCount(String conversationId) {
        return ((List<?>) api(token)
                        .get()
                        .uri("/conversations/" + conversationId + "/messages")
                        .retrieve()
                        .body(Map.class)
                        .get("items"))
                .size();
    }
}
