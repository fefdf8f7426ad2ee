package com.atalaya.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.UiSession;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContactBookIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    ContactBook contacts;

    @Test
    void mergingMovesIdentitiesAndConversationsToOneCustomer() {
        var shop = workspaces.create("Ferretería");
        Conversations.submitContactForm(http(), shop.slug(), "Pablo", "pablo@example.com", "Primera");
        Conversations.submitContactForm(http(), shop.slug(), "Pablo G.", "pablo.g@work.example", "Segunda");
        var first = Conversations.awaitConversation(
                conversations, shop.member(), c -> c.getPreview().equals("Primera"));
        var second = Conversations.awaitConversation(
                conversations, shop.member(), c -> c.getPreview().equals("Segunda"));
        assertThat(first.getContactId()).isNotEqualTo(second.getContactId());

        contacts.merge(shop.member(), first.getContactId(), second.getContactId());

        var profile = contacts.profile(shop.member(), first.getContactId());
        assertThat(profile.identities())
                .extracting(ContactIdentity::getAddress)
                .containsExactlyInAnyOrder("pablo@example.com", "pablo.g@work.example");
        assertThat(profile.conversations()).extracting(Conversation::getId).contains(first.getId(), second.getId());
        assertThat(contacts.profile(shop.member(), second.getContactId())
                        .contact()
                        .getId())
                .as("the merged record leads to the survivor")
                .isEqualTo(first.getContactId());
        assertThat(contacts.search(shop.member(), "pablo", 0, 10).getContent()).hasSize(1);

        Conversations.submitContactForm(http(), shop.slug(), "Pablo", "pablo.g@work.example", "Tercera");
        var third = Conversations.awaitConversation(
                conversations, shop.member(), c -> c.getPreview().equals("Tercera"));
        assertThat(third.getContactId()).as("new messages find the survivor").isEqualTo(first.getContactId());
        assertThatThrownBy(() -> contacts.merge(shop.member(), first.getContactId(), second.getContactId()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theContactPageNamesEachIdentityInTheReadersLanguage() {
        var shop = workspaces.create("Mercería");
        Conversations.submitContactForm(http(), shop.slug(), "Lola", "lola@example.com", "Hola");
        var conversation = Conversations.awaitConversation(conversations, shop.member(), c -> true);

        String page = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD)
                .get("/w/" + shop.slug() + "/contacts/" + conversation.getContactId());

        assertThat(page).contains("Correo: lola@example.com").doesNotContain("??");
    }

    @Test
    void aContactOfAnotherWorkspaceCannotBeMergedOrRead() {
        var a = workspaces.create("A");
        var b = workspaces.create("B");
        Conversations.submitContactForm(http(), a.slug(), "Ana", "ana@example.com", "Hola A");
        Conversations.submitContactForm(http(), b.slug(), "Bea", "bea@example.com", "Hola B");
        var inA = Conversations.awaitConversation(conversations, a.member(), c -> true);
        var inB = Conversations.awaitConversation(conversations, b.member(), c -> true);
        assertThatThrownBy(() -> contacts.merge(a.member(), inA.getContactId(), inB.getContactId()))
                .isInstanceOf(WorkingConversations.ConversationNotFoundException.class);
        assertThatThrownBy(() -> contacts.profile(a.member(), inB.getContactId()))
                .isInstanceOf(WorkingConversations.ConversationNotFoundException.class);
        assertThat(contacts.profile(b.member(), inB.getContactId()).identities())
                .hasSize(1);
    }
}
