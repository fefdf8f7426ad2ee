package com.atalaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.UiSession;
import java.nio.file.Files;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** First start on an empty database (H2 file database in a fresh data directory, as a newcomer gets). */
class FirstStartTest {

    static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
        var dir = Files.createTempDirectory("atalaya-first-start-");
        registry.add("atalaya.data-dir", dir::toString);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + dir
                        + "/db/atalaya;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithoutAdminVariables {

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) throws Exception {
            emptyDatabase(registry);
        }

        @LocalServerPort
        int port;

        @Test
        void theSetupPageCreatesTheAdminAndWorkspaceOnceAndSignsIn() {
            UiSession visitor = UiSession.anonymous(port);
            assertThat(visitor.status("/")).isEqualTo(302);
            assertThat(visitor.get("/setup")).contains("Bienvenido a Atalaya");
            var created = visitor.postForResponse(
                    "/setup",
                    "/setup",
                    "workspaceName=Tienda+de+Ana&displayName=Ana&email=ana@example.com&password=una-clave-larga");
            assertThat(created.headers().firstValue("Location").orElseThrow())
                    .contains("/w/tienda-de-ana/settings/channels");
            assertThat(visitor.get("/w/tienda-de-ana/settings/channels")).contains("Formulario de contacto");

            UiSession other = UiSession.anonymous(port);
            assertThat(other.status("/setup")).isEqualTo(302);
            var again = other.postForResponse(
                    "/login", "/setup", "workspaceName=X&displayName=Y&email=y@example.com&password=otra-clave-larga");
            assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }

        @Test
        void setupExplainsBadInput() {
            UiSession visitor = UiSession.anonymous(port);
            var response = visitor.postForResponse(
                    "/setup", "/setup", "workspaceName=Tienda&displayName=Ana&email=ana@example.com&password=corta");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Usa al menos 10 caracteres");
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"atalaya.admin.email=boss@example.com", "atalaya.admin.password=una-clave-larga"})
    class WithAdminVariables {

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) throws Exception {
            emptyDatabase(registry);
        }

        @Autowired
        WorkspaceAccess access;

        @Autowired
        UserAccounts users;

        @Test
        void theAdminAndAFirstWorkspaceExist() {
            UserAccount boss = users.findByEmail("boss@example.com").orElseThrow();
            assertThat(access.workspacesOf(boss.getId()))
                    .singleElement()
                    .satisfies(w -> assertThat(w.slug()).isEqualTo("mi-tienda"));
        }
    }

    @Test
    void slugsAreReadableAscii() {
        assertThat(Slugs.slugify("Café Ñandú S.L.")).isEqualTo("cafe-nandu-s-l");
        assertThat(Slugs.slugify("   ")).isEqualTo("workspace");
        assertThat(Slugs.slugify("x".repeat(100))).hasSize(48);
    }
}
