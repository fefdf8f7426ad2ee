package com.atalaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.IntegrationTest;
import com.atalaya.UiSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class SigningInIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    AuditLog audit;

    @Autowired
    UserAccounts users;

    @Test
    void signInOpensTheInboxAndIsAudited() {
        var shop = workspaces.create("Óptica");
        UiSession session = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        assertThat(session.status("/")).isEqualTo(302);
        assertThat(session.get("/w/" + shop.slug() + "/inbox"))
                .contains("Bandeja")
                .contains(shop.workspace().name());
        assertThat(audit.page(shop.id(), 0, 50).getContent())
                .extracting(AuditEntry::getAction)
                .contains("sign-in");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        var shop = workspaces.create("Óptica");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(shop.email(), "wrong-password-" + i)).isEqualTo("/login?error");
        }
        assertThat(signIn(shop.email(), TestWorkspaces.PASSWORD)).isEqualTo("/login?error");
        assertThat(users.findByEmail(shop.email()).orElseThrow().getLockedUntil())
                .isNotNull();
        assertThat(audit.page(shop.id(), 0, 50).getContent())
                .extracting(AuditEntry::getAction)
                .contains("sign-in.locked");
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        var shop = workspaces.create("Óptica");
        assertThat(users.findByEmail(shop.email()).orElseThrow().getPasswordHash())
                .startsWith("{argon2}$argon2id$")
                .doesNotContain(TestWorkspaces.PASSWORD);
    }

    @Test
    void formsNeedACsrfTokenAndPagesSendSecureHeaders() {
        ResponseEntity<String> login = http().get().uri("/login").retrieve().toEntity(String.class);
        assertThat(login.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        int withoutToken = http().post()
                .uri("/login")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=a@example.com&password=x")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
        assertThat(withoutToken).isEqualTo(403);
    }

    @Test
    void pagesNeedASignedInUser() {
        var shop = workspaces.create("Óptica");
        ResponseEntity<Void> response =
                http().get().uri("/w/" + shop.slug() + "/inbox").retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().value()).isEqualTo(302);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void settingsChangesAreAuditedAndOnlyAdminsMayMakeThem() {
        var shop = workspaces.create("Óptica");
        AtalayaUser agent = workspaces.addUser(shop, Role.AGENT);
        UiSession admin = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        assertThat(admin.post("/w/" + shop.slug() + "/settings/workspace", "name=Óptica+Central"))
                .isEqualTo(302);
        assertThat(audit.page(shop.id(), 0, 50).getContent())
                .extracting(AuditEntry::getAction)
                .contains("workspace.renamed", "member.added");
        UiSession agentSession = UiSession.of(port, agent.email(), TestWorkspaces.PASSWORD);
        assertThat(agentSession.post("/w/" + shop.slug() + "/settings/workspace", "name=Hacked"))
                .isEqualTo(403);
        assertThat(agentSession.get("/w/" + shop.slug() + "/settings/workspace"))
                .contains("Óptica Central");
    }

    private String signIn(String email, String password) {
        UiSessionProbe probe = new UiSessionProbe(port);
        HttpResponse<String> response = probe.session()
                .postForResponse("/login", "/login", "username=" + email + "&password=" + password.replace(" ", "+"));
        return response.headers()
                .firstValue("Location")
                .map(l -> l.replaceAll("^https?://[^/]+", ""))
                .orElse("");
    }

    /** An anonymous session, to post the login form by hand. */
    record UiSessionProbe(int port) {
        UiSession session() {
            return UiSession.anonymous(port);
        }
    }
}
