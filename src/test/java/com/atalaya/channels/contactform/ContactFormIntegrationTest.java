package com.atalaya.channels.contactform;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.channels.IdentityKind;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.WorkingConversations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ContactFormIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

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
    void unknownWorkspaceIs404() {
        assertThat(http().get()
                        .uri("/forms/no-such-shop")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
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
