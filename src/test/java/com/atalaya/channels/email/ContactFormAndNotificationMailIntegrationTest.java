package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.Conversations;
import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.DeliveryStatus;
import com.atalaya.inbox.WorkingConversations;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail that other channels and the team rely on: contact-form replies and notifications, over real SMTP. */
class ContactFormAndNotificationMailIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    WorkingConversations inbox;

    @Autowired
    SyncingMailboxes mailboxes;

    TestMailServer server;
    TestWorkspaces.Tenant shop;
    ChannelConnection mailbox;

    @BeforeEach
    void shopWithAMailbox() {
        server = new TestMailServer();
        shop = workspaces.create("Tienda");
        mailbox = connections.create(shop.member(), "email", "Soporte", server.settings());
        mailboxes.refresh();
    }

    @AfterEach
    void close() {
        connections.setEnabled(shop.member(), mailbox.getId(), false);
        mailboxes.refresh();
        server.close();
    }

    @Test
    void aContactFormMessageIsAnsweredByEmail() throws Exception {
        Conversations.submitContactForm(
                http(), shop.slug(), "Lucía", TestMailServer.CUSTOMER, "¿Hacéis envíos a Canarias?");
        Conversation conversation =
                Conversations.awaitConversation(inbox, shop.member(), c -> "contact-form".equals(c.getChannelType()));

        var reply = inbox.post(shop.member(), conversation.getId(), "Sí, en 3-5 días laborables.", false);

        await().atMost(PATIENCE).until(() -> !server.customerMailbox().isEmpty());
        MimeMessage sent = server.customerMailbox().getFirst();
        assertThat(sent.getFrom()[0].toString()).contains(TestMailServer.SHOP);
        assertThat(sent.getSubject())
                .contains("Re: " + shop.workspace().name())
                .contains("[#" + conversation.getReferenceToken() + "]");
        assertThat(((String) sent.getContent()).strip()).isEqualTo("Sí, en 3-5 días laborables.");
        await().atMost(PATIENCE)
                .until(() -> inbox.detail(shop.member(), conversation.getId()).messages().stream()
                        .anyMatch(m ->
                                m.getId().equals(reply.getId()) && m.getDeliveryStatus() == DeliveryStatus.DELIVERED));
    }

    @Test
    void managersGetAnEmailForANewConversationWhenNobodyIsOnline() throws Exception {
        server.greenMail.setUser(shop.email(), shop.email(), "x");
        Conversations.submitContactForm(http(), shop.slug(), "Rosa", "rosa@example.org", "¿Abrís el domingo?");
        await().atMost(PATIENCE)
                .until(() -> Arrays.stream(server.greenMail.getReceivedMessages())
                        .anyMatch(m -> recipient(m).equals(shop.email())));
        MimeMessage notification = Arrays.stream(server.greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(shop.email()))
                .findFirst()
                .orElseThrow();
        assertThat(notification.getSubject()).startsWith("[Atalaya]").contains("Rosa");
        assertThat((String) notification.getContent())
                .contains("¿Abrís el domingo?")
                .contains("/w/" + shop.slug() + "/inbox");
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
