package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.identity.IssuingApiTokens;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.WorkingConversations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Every paginated list, in the REST API and on screen, answers absurd pages and sizes with a 400 that says why. */
class PagingIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    IssuingApiTokens tokens;

    TestWorkspaces.Tenant shop;
    Conversation conversation;
    RestClient api;

    @BeforeEach
    void shopWithAConversation() {
        shop = workspaces.create("Tienda");
        Conversations.submitContactForm(http(), shop.slug(), "Ana", "ana@example.com", "¿Dónde está mi pedido?");
        conversation = Conversations.awaitConversation(conversations, shop.member(), c -> true);
        api = RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1/workspaces/" + shop.id())
                .defaultHeader(
                        "Authorization",
                        "Bearer " + tokens.issue(shop.admin().id(), "test").token())
                .defaultHeader("Accept-Language", "en")
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void theApiRefusesPagesAndSizesOutOfBounds() {
        for (String list :
                List.of("/conversations", "/conversations/" + conversation.getId() + "/messages", "/contacts")) {
            assertProblem(list + "?page=2147483647", "page", "page must be a number from 0 to 10,000.");
            assertProblem(list + "?page=-1", "page", "page must be a number from 0 to 10,000.");
            assertProblem(list + "?size=-1", "size", "size must be a number from 1 to");
            assertProblem(list + "?size=0", "size", "size must be a number from 1 to");
            assertProblem(list + "?size=2147483647", "size", "size must be a number from 1 to");
            assertProblem(list + "?page=99999999999", "page", "Parameter page has an invalid value.");
            assertProblem(list + "?size=ten", "size", "Parameter size has an invalid value.");
            assertThat(api.get()
                            .uri(list + "?page=10000&size=1")
                            .retrieve()
                            .toEntity(Map.class)
                            .getStatusCode()
                            .value())
                    .as(list + " at the last page allowed")
                    .isEqualTo(200);
        }
    }

    @Test
    void listPagesRefuseAbsurdPageNumbersWithAMessage() {
        RestClient ui = UiSession.signIn(port, shop.email(), TestWorkspaces.PASSWORD);
        String w = "/w/" + shop.slug();
        for (String page : List.of(
                w + "/inbox",
                w + "/inbox/list",
                w + "/inbox/folders",
                w + "/contacts",
                w + "/notifications",
                w + "/settings/audit")) {
            for (String bad : List.of("2147483647", "-1")) {
                ResponseEntity<String> response = ui.get()
                        .uri(page + "?page=" + bad)
                        .header("Accept-Language", "es")
                        .retrieve()
                        .toEntity(String.class);
                assertThat(response.getStatusCode().value())
                        .as(page + "?page=" + bad)
                        .isEqualTo(400);
                assertThat(response.getBody())
                        .as(page + "?page=" + bad)
                        .contains("La página (page) debe ser un número entre 0 y 10.000.");
            }
            ResponseEntity<String> words = ui.get()
                    .uri(page + "?page=nine")
                    .header("Accept-Language", "en")
                    .retrieve()
                    .toEntity(String.class);
            assertThat(words.getStatusCode().value()).as(page + "?page=nine").isEqualTo(400);
            assertThat(words.getBody()).as(page + "?page=nine").contains("has an invalid value");
            assertThat(ui.get()
                            .uri(page + "?page=1")
                            .retrieve()
                            .toEntity(String.class)
                            .getStatusCode()
                            .value())
                    .as(page + "?page=1")
                    .isEqualTo(200);
        }
    }

    private void assertProblem(String uri, String field, String detail) {
        ResponseEntity<Map> response = api.get().uri(uri).retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).as(uri).contains("application/problem+json");
        assertThat(response.getBody()).as(uri).containsEntry("field", field);
        assertThat(response.getBody().get("detail").toString()).as(uri).startsWith(detail);
    }
}
