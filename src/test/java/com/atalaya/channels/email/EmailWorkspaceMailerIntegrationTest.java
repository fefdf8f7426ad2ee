package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import com.atalaya.channels.WorkspaceMailer;
import com.atalaya.identity.TestWorkspaces;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmailWorkspaceMailerIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    WorkspaceMailer mailer;

    @Autowired
    SyncingMailboxes mailboxes;

    final TestMailServer server = new TestMailServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sendsThroughTheWorkspacesEnabledMailboxOnly() throws Exception {
        TestWorkspaces.Tenant shop = workspaces.create("Tienda");
        Party customer = new Party(IdentityKind.EMAIL, TestMailServer.CUSTOMER, "Lucía");
        assertThat(mailer.canSend(shop.id())).isFalse();
        assertThatThrownBy(() -> mailer.send(shop.id(), UUID.randomUUID(), customer, "x", "y", null, List.of()))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue());

        ChannelConnection connection = connections.create(shop.member(), "email", "Soporte", server.settings());
        UUID messageId = UUID.randomUUID();
        String sent = mailer.send(
                shop.id(), messageId, customer, "Tu consulta", "Te respondemos pronto.", "<form@x.example>", null);

        assertThat(mailer.canSend(shop.id())).isTrue();
        assertThat(sent).isEqualTo("<" + messageId + "@example.com>");
        MimeMessage received = server.customerMailbox().getFirst();
        assertThat(received.getMessageID()).isEqualTo(sent);
        assertThat(received.getSubject()).isEqualTo("Tu consulta");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<form@x.example>");

        connections.setEnabled(shop.member(), connection.getId(), false);
        mailboxes.refresh();
        assertThat(mailer.canSend(shop.id())).isFalse();
    }
}
