package com.atalaya.channels.contactform;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.PathologicalInput;
import com.atalaya.channels.IdentityKind;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.WorkingConversations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class ContactFormIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMessageBecomesAConversationWithTheSendersEmail() {
        var shop = workspaces.create("Librería");
        assertThat(Conversations.submitContactForm(
                        http(), shop.slug(), "Marta", "Marta@Example.com", "¿Tenéis el libro X?"))
                .isEqualTo(200);
        Conversation conversation = Conversations.awaitConversation(conversations, shop.member(), c -> true);
        var detail = conversations.detail(shop.member(), conversation.getId());
        assertThat(conversation.getChannelType()).isEqualTo("contact-form");
        assertThat(detail.contact().getName()).isEqualTo("Marta");
        assertThat(detail.identities()).singleElement().satisfies(i -> {
            assertThat(i.getKind()).isEqualTo(IdentityKind.EMAIL);
            assertThat(i.getAddress()).isEqualTo("marta@example.com");
        });
        assertThat(detail.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.getBodyText()).isEqualTo("¿Tenéis el libro X?"));
    }

    @Test
    void theHostedFormSpeaksTheVisitorsLanguageAndIsEmbeddable() {
        var shop = workspaces.create("Librería");
        ResponseEntity<String> es = http().get()
                .uri("/forms/" + shop.slug())
                .header("Accept-Language", "es-ES")
                .retrieve()
                .toEntity(String.class);
        assertThat(es.getBody()).contains("Contacta con").contains("name=\"website\"");
        String en = http().get()
                .uri("/forms/" + shop.slug() + "?embed=1")
                .header("Accept-Language", "en-US")
                .retrieve()
                .body(String.class);
        assertThat(en).contains("Contact ").contains("embed");
        assertThat(es.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors *");
    }

    @Test
    void badInputGetsAClearErrorAndCreatesNothing() {
        var shop = workspaces.create("Librería");
        ResponseEntity<String> response = post(shop.slug(), "name=X&email=not-an-address&message=hola", "es");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("Escribe un correo electrónico válido");
        ResponseEntity<String> empty = post(shop.slug(), "name=X&email=x@example.com&message=", "en");
        assertThat(empty.getBody()).contains("Write your message");
        ResponseEntity<String> huge = post(shop.slug(), "email=x@example.com&message=" + "a".repeat(6000), "en");
        assertThat(huge.getStatusCode().value()).isEqualTo(400);
        assertThat(huge.getBody()).contains("too long");
        assertThat(Conversations.all(conversations, shop.member())).isEmpty();
    }

    @Test
    void botsFillingTheHoneypotAreThankedAndIgnored() {
        var shop = workspaces.create("Librería");
        ResponseEntity<String> response =
                post(shop.slug(), "name=Bot&email=bot@example.com&message=spam&website=http://spam.example", "es");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("Gracias");
        assertThat(Conversations.all(conversations, shop.member())).isEmpty();
    }

    @Test
    void oneAddressCannotFloodTheInbox() {
        var shop = workspaces.create("Librería");
        int accepted = 0;
        ResponseEntity<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = post(shop.slug(), "email=flood@example.com&message=mensaje+" + i, "es");
            if (last.getStatusCode().value() == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(last.getStatusCode().value()).isEqualTo(429);
        assertThat(last.getHeaders().getFirst("Retry-After")).isNotBlank();
    }

    @Test
    void aControlCharacterInAFieldIsRefusedBeforeAnythingIsReceived() {
        var shop = workspaces.create("Librería");

        ResponseEntity<String> message =
                post(shop.slug(), "name=Ana&email=ana@example.com&message=hola%00adi%C3%B3s", "es");
        ResponseEntity<String> name = post(shop.slug(), "name=An%1Ba&email=ana@example.com&message=hola", "en");
        ResponseEntity<String> email = post(shop.slug(), "name=Ana&email=ana%00@example.com&message=hola", "es");

        assertThat(message.getStatusCode().value()).isEqualTo(400);
        assertThat(message.getBody()).contains("caracteres de control");
        assertThat(name.getStatusCode().value()).isEqualTo(400);
        assertThat(name.getBody()).contains("control characters");
        assertThat(email.getStatusCode().value()).isEqualTo(400);
        assertThat(email.getBody()).contains("correo electrónico válido");
        assertThat(receipts(shop)).as("nothing received").isZero();

        assertThat(post(shop.slug(), "name=Ana&email=ana@example.com&message=hola%0D%0A%09adi%C3%B3s", "es")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        Conversation conversation = Conversations.awaitConversation(conversations, shop.member(), c -> true);
        assertThat(conversations.detail(shop.member(), conversation.getId()).messages())
                .singleElement()
                .satisfies(m -> assertThat(m.getBodyText()).isEqualTo("hola\r\n\tadiós"));
        assertThat(receipts(shop)).isEqualTo(1);
    }

    /** Benchmark-style with a generous bound: the old e-mail expression took minutes on some of these. */
    @Test
    void everyFieldAnswersAHundredThousandPathologicalCharactersQuickly() {
        var shop = workspaces.create("Librería");
        Map<String, String> valid = Map.of("name", "Ana", "email", "ana@example.com", "message", "hola", "website", "");
        for (String field : valid.keySet()) {
            for (String input : PathologicalInput.of(100_000)) {
                StringBuilder form = new StringBuilder();
                valid.forEach((name, value) -> form.append(name)
                        .append('=')
                        .append(URLEncoder.encode(name.equals(field) ? input : value, StandardCharsets.UTF_8))
                        .append('&'));
                long start = System.nanoTime();
                ResponseEntity<String> response = post(shop.slug(), form.toString(), "es");
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(response.getStatusCode().value())
                        .as("%s=%s…", field, input.substring(0, 8))
                        .isIn(200, 400, 429);
                assertThat(took).as("%s=%s…", field, input.substring(0, 8)).isLessThan(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void unknownWorkspaceIs404() {
        assertThat(http().get()
                        .uri("/forms/no-such-shop")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(http().post()
                        .uri("/forms/{slug}", "no\u0000such")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body("email=ana@example.com&message=hola")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .as("a slug that cannot exist is not looked up")
                .isBetween(400, 404);
    }

    private long receipts(TestWorkspaces.Tenant shop) {
        return jdbc.queryForObject(
                "select count(*) from inbound_receipts r join channel_connections c on c.id = r.connection_id"
                        + " where c.workspace_id = ?",
                Long.class,
                shop.id());
    }

    private ResponseEntity<String> post(String slug, String form, String lang) {
        return http().post()
                .uri("/forms/" + slug)
                .header("Accept-Language", lang)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toEntity(String.class);
    }
}
