package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.FileStore;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.DeliveryStatus;
import com.atalaya.inbox.Message;
import com.atalaya.inbox.MessageAttachment;
import com.atalaya.inbox.MessageKind;
import com.atalaya.inbox.WorkingConversations;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The e-mail channel end to end over real IMAP and SMTP (GreenMail). */
class EmailConversationsIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    WorkingConversations inbox;

    @Autowired
    SyncingMailboxes mailboxes;

    @Autowired
    FileStore files;

    TestMailServer server;
    TestWorkspaces.Tenant shop;
    ChannelConnection connection;

    @BeforeEach
    void connectMailbox() {
        server = new TestMailServer();
        shop = workspaces.create("Tienda");
        connection = connections.create(shop.member(), "email", "Soporte", server.settings());
        mailboxes.refresh();
        assertThat(mailboxes.running()).contains(connection.getId());
    }

    @AfterEach
    void disconnectMailbox() {
        connections.setEnabled(shop.member(), connection.getId(), false);
        mailboxes.refresh();
        server.close();
    }

    @Test
    void aThreadOfMailsAndRepliesStaysOneConversation() throws Exception {
        server.deliverToShop(server.mail("<first@example.org>", "¿Dónde está mi pedido?", "Pedido 10234"));
        Conversation conversation = awaitOnlyConversation();
        assertThat(conversation.getSubject()).isEqualTo("¿Dónde está mi pedido?");

        Message reply = inbox.post(shop.member(), conversation.getId(), "Sale hoy mismo.", false);

        await().atMost(PATIENCE).until(() -> server.customerMailbox().size() == 1);
        MimeMessage sent = server.customerMailbox().getFirst();
        String ourId = "<" + reply.getId() + "@example.com>";
        assertThat(sent.getMessageID()).isEqualTo(ourId);
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<first@example.org>");
        assertThat(sent.getHeader("References", " ")).isEqualTo("<first@example.org>");
        assertThat(sent.getSubject())
                .isEqualTo("Re: ¿Dónde está mi pedido? [#" + conversation.getReferenceToken() + "]");
        assertThat(sent.getFrom()[0].toString()).contains("shop@example.com");
        assertThat(((String) sent.getContent()).strip()).isEqualTo("Sale hoy mismo.");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(message(conversation, reply.getId()))
                        .extracting(Message::getDeliveryStatus, Message::getProviderMessageId)
                        .containsExactly(DeliveryStatus.DELIVERED, ourId));

        MimeMessage answer = server.mail("<second@example.org>", "Re: ¿Dónde está mi pedido?", "¡Gracias!");
        answer.setHeader("In-Reply-To", ourId);
        answer.setHeader("References", "<first@example.org> " + ourId);
        server.deliverToShop(answer);
        await().atMost(PATIENCE)
                .until(() -> inbox.detail(shop.member(), conversation.getId())
                                .messages()
                                .size()
                        == 3);

        MimeMessage tokenOnly =
                server.mail("<third@example.org>", "Otra duda [#" + conversation.getReferenceToken() + "]", "¿Y?");
        server.deliverToShop(tokenOnly);
        await().atMost(PATIENCE)
                .until(() -> inbox.detail(shop.member(), conversation.getId())
                                .messages()
                                .size()
                        == 4);

        assertThat(inbox.list(shop.member(), ConversationQuery.all(), 0, 10).getTotalElements())
                .isEqualTo(1);
        // Any order: an inbound message is dated by its Date header, which has whole seconds only.
        assertThat(inbox.detail(shop.member(), conversation.getId()).messages())
                .extracting(Message::getKind, Message::getProviderMessageId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MessageKind.INBOUND, "<first@example.org>"),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.OUTBOUND, ourId),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.INBOUND, "<second@example.org>"),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.INBOUND, "<third@example.org>"));
    }

    @Test
    void aRedeliveredMessageIsStoredOnce() throws Exception {
        server.deliverToShop(server.mail("<same@example.org>", "Hola", "Primera entrega"));
        server.deliverToShop(server.mail("<same@example.org>", "Hola", "Primera entrega"));
        server.deliverToShop(server.mail("<marker@example.org>", "Marcador", "Llega después del duplicado"));

        await().atMost(PATIENCE)
                .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 2);

        Conversation hola = conversationWithSubject("Hola");
        assertThat(inbox.detail(shop.member(), hola.getId()).messages())
                .extracting(Message::getProviderMessageId)
                .containsExactly("<same@example.org>");
    }

    @Test
    void autoRepliesAndBouncesAreFlaggedAndNeverAnswered() throws Exception {
        MimeMessage outOfOffice = server.mail("<ooo@example.org>", "Fuera de la oficina", "Vuelvo el lunes");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        server.deliverToShop(outOfOffice);
        MimeMessage bounce = server.mail("<bounce@example.org>", "Undelivered Mail", "User unknown");
        bounce.setFrom("MAILER-DAEMON@example.org");
        server.deliverToShop(bounce);
        server.deliverToShop(server.mail("<person@example.org>", "Una persona", "Hola"));

        await().atMost(PATIENCE)
                .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 3);

        assertThat(onlyMessage(conversationWithSubject("Fuera de la oficina")).isAutomated())
                .isTrue();
        assertThat(onlyMessage(conversationWithSubject("Undelivered Mail")).isAutomated())
                .isTrue();
        assertThat(onlyMessage(conversationWithSubject("Una persona")).isAutomated())
                .isFalse();
        assertThat(server.customerMailbox()).isEmpty();
    }

    @Test
    void attachmentsAreStoredAndOneAboveTheLimitIsOmittedWithANote() throws Exception {
        byte[] invoice = "%PDF-1.4 factura 10236".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] huge = new byte[(int) files.maxBytes() + 1];
        MimeMessage mail = server.mail("<files@example.org>", "Factura y vídeo", "Adjunto la factura y un vídeo.");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Adjunto la factura y un vídeo.", "UTF-8");
        MimeMultipart mixed = new MimeMultipart(
                text,
                attachment("factura.pdf", "application/pdf", invoice),
                attachment("video.bin", "application/octet-stream", huge));
        mail.setContent(mixed);
        server.deliverToShop(mail);

        Conversation conversation = awaitOnlyConversation();
        Message message = onlyMessage(conversation);
        List<MessageAttachment> attachments =
                inbox.detail(shop.member(), conversation.getId()).attachments().get(message.getId());

        assertThat(attachments)
                .extracting(MessageAttachment::getFileName, MessageAttachment::getSizeBytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("factura.pdf", (long) invoice.length));
        FileStore.Content content =
                files.open(shop.id(), attachments.getFirst().getFileId()).orElseThrow();
        assertThat(Files.readAllBytes(content.path())).isEqualTo(invoice);
        assertThat(files.open(UUID.randomUUID(), attachments.getFirst().getFileId()))
                .as("another workspace cannot open it")
                .isEmpty();
        assertThat(message.getBodyText())
                .startsWith("Adjunto la factura y un vídeo.")
                .endsWith("[attachment video.bin omitted: larger than 25 MB]");
    }

    private static MimeBodyPart attachment(String name, String type, byte[] bytes) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private Conversation awaitOnlyConversation() {
        await().atMost(PATIENCE)
                .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                                .getTotalElements()
                        == 1);
        return inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                .getContent()
                .getFirst();
    }

    private Conversation conversationWithSubject(String subject) {
        return inbox.list(shop.member(), ConversationQuery.all(), 0, 10).getContent().stream()
                .filter(c -> subject.equals(c.getSubject()))
                .findFirst()
                .orElseThrow();
    }

    private Message onlyMessage(Conversation conversation) {
        List<Message> messages =
                inbox.detail(shop.member(), conversation.getId()).messages();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private Message message(Conversation conversation, UUID messageId) {
        return inbox.detail(shop.member(), conversation.getId()).messages().stream()
                .filter(m -> m.getId().equals(messageId))
                .findFirst()
                .orElseThrow();
    }
}
