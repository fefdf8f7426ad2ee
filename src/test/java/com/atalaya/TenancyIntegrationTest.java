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
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A user of workspace A can neither read nor change anything of workspace B, by API or UI. */
class TenancyIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    IssuingApiTokens tokens;

    TestWorkspaces.Tenant a;
    TestWorkspaces.Tenant b;
    Conversation bConversation;
    String tokenOfA;

    @BeforeEach
    void twoWorkspaces() {
        a = workspaces.create("Tienda A");
        b = workspaces.create("Tienda B");
        Conversations.submitContactForm(http(), b.slug(), "Bea", "bea@example.com", "Secreto de la tienda B");
        bConversation = Conversations.awaitConversation(conversations, b.member(), c -> true);
        tokenOfA = tokens.issue(a.admin().id(), "test").token();
    }

    RestClient api() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + tokenOfA)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void apiListsOnlyTheCallersWorkspaces() {
        List<Map<String, Object>> list =
                api().get().uri("/api/v1/workspaces").retrieve().body(List.class);
        assertThat(list).extracting(w -> w.get("slug")).containsExactly(a.slug());
    }

    @Test
    void apiRefusesEveryReadAndChangeOfAnotherWorkspace() {
        String ws = "/api/v1/workspaces/" + b.id();
        assertThat(status(api().get().uri(ws + "/conversations"))).isEqualTo(404);
        assertThat(status(api().get().uri(ws + "/conversations/" + bConversation.getId())))
                .isEqualTo(404);
        assertThat(status(api().get().uri(ws + "/conversations/" + bConversation.getId() + "/messages")))
                .isEqualTo(404);
        assertThat(status(api().get().uri(ws + "/contacts"))).isEqualTo(404);
        assertThat(status(api().get().uri(ws + "/contacts/" + bConversation.getContactId())))
                .isEqualTo(404);
        assertThat(status(api().post()
                        .uri(ws + "/conversations/" + bConversation.getId() + "/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"text\":\"hola\"}")))
                .isEqualTo(404);
        assertThat(status(api().patch()
                        .uri(ws + "/conversations/" + bConversation.getId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"status\":\"RESOLVED\"}")))
                .isEqualTo(404);
    }

    @Test
    void apiRefusesAnotherWorkspacesConversationEvenUnderTheCallersOwnWorkspace() {
        String ws = "/api/v1/workspaces/" + a.id();
        assertThat(status(api().get().uri(ws + "/conversations/" + bConversation.getId())))
                .isEqualTo(404);
        assertThat(status(api().patch()
                        .uri(ws + "/conversations/" + bConversation.getId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"status\":\"RESOLVED\",\"assigneeId\":\""
                                + a.admin().id() + "\"}")))
                .isEqualTo(404);
        assertThat(status(api().get().uri(ws + "/contacts/" + bConversation.getContactId())))
                .isEqualTo(404);
        String listed =
                api().get().uri(ws + "/conversations?q=Secreto").retrieve().body(String.class);
        assertThat(listed).doesNotContain(bConversation.getId().toString()).contains("\"totalItems\":0");
    }

    @Test
    void nothingOfWorkspaceBChanged() {
        apiRefusesEveryReadAndChangeOfAnotherWorkspace();
        apiRefusesAnotherWorkspacesConversationEvenUnderTheCallersOwnWorkspace();
        Conversation after = conversations.conversation(b.member(), bConversation.getId());
        assertThat(after.getStatus()).isEqualTo(bConversation.getStatus());
        assertThat(after.getAssigneeId()).isNull();
        assertThat(after.getMessageCount()).isEqualTo(1);
    }

    @Test
    void uiRefusesEveryPageOfAnotherWorkspace() {
        RestClient browser = UiSession.signIn(port, a.email(), TestWorkspaces.PASSWORD);
        String wsB = "/w/" + b.slug();
        for (String path : List.of(
                wsB + "/inbox",
                wsB + "/inbox/list",
                wsB + "/conversations/" + bConversation.getId() + "/pane",
                wsB + "/contacts",
                wsB + "/contacts/" + bConversation.getContactId(),
                wsB + "/settings/channels",
                wsB + "/settings/members",
                wsB + "/settings/audit",
                wsB + "/notifications",
                wsB + "/live",
                "/w/" + a.slug() + "/conversations/" + bConversation.getId() + "/pane",
                "/w/" + a.slug() + "/contacts/" + bConversation.getContactId())) {
            assertThat(status(browser.get().uri(path))).as(path).isEqualTo(404);
        }
        String inboxA = browser.get()
                .uri("/w/" + a.slug() + "/inbox?status=ANY")
                .retrieve()
                .body(String.class);
        assertThat(inboxA).doesNotContain("Secreto de la tienda B").doesNotContain("Bea");
    }

    @Test
    void uiRefusesChangesToAnotherWorkspacesConversation() {
        UiSession session = UiSession.of(port, a.email(), TestWorkspaces.PASSWORD);
        assertThat(session.post(
                        "/w/" + a.slug() + "/conversations/" + bConversation.getId() + "/messages", "text=hola"))
                .isEqualTo(404);
        assertThat(session.post("/w/" + b.slug() + "/conversations/" + bConversation.getId(), "status=RESOLVED"))
                .isEqualTo(404);
        assertThat(conversations.conversation(b.member(), bConversation.getId()).getMessageCount())
                .isEqualTo(1);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
