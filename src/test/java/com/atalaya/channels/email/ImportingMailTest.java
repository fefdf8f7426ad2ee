package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.InboundMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import on its own, against GreenMail, with the receipts and the checkpoint in memory: what
 * is handed over, how often the checkpoint is written, and where an interrupted import resumes.
 */
class ImportingMailTest {

    private final TestMailServer server = new TestMailServer();
    private final ChannelConnection connection = new ChannelConnection(UUID.randomUUID(), "email", "Soporte", "{}");
    private List<InboundMessage> handedOver;
    private Map<UUID, EmailCheckpoint> stored;
    private AtomicInteger checkpointWrites;
    private List<String> storedFiles;
    private ImportingMail importer;
    private IMAPStore store;
    private IMAPFolder folder;
    private int delivered;

    @BeforeEach
    void connect() throws Exception {
        InMemoryImport memory = new InMemoryImport();
        importer = memory.importer;
        handedOver = memory.handedOver;
        stored = memory.checkpoints;
        checkpointWrites = memory.checkpointWrites;
        storedFiles = memory.storedFiles;

        EmailSettings settings = EmailSettings.of(server.settings());
        store = (IMAPStore) settings.imapSession().getStore("imap");
        store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
        folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
    }

    @AfterEach
    void disconnect() throws Exception {
        store.close();
        server.close();
    }

    @Test
    void aBacklogIsHandedOverOnceEachInUidOrderWithOneCheckpointWritePerBatch() throws Exception {
        deliver(250);

        assertThat(importer.importNew(connection, folder, () -> false)).isEqualTo(250);
        assertThat(checkpointWrites)
                .as("the first scan writes its checkpoint once, when done")
                .hasValue(1);

        deliver(ImportingMail.BATCH_MESSAGES * 2 + 30);
        checkpointWrites.set(0);
        assertThat(importer.importNew(connection, folder, () -> false)).isEqualTo(230);

        assertThat(checkpointWrites).hasValue(3);
        assertThat(handedOver).extracting(InboundMessage::providerMessageId).containsExactlyElementsOf(ids(480));
        assertThat(handedOver.get(479).text()).isEqualTo("Mensaje 479");
        assertThat(stored.get(connection.getId()).getLastUid()).isEqualTo(lastUid());
        assertThat(importer.importNew(connection, folder, () -> false)).isZero();
    }

    @Test
    void anInterruptedImportResumesAfterTheLastMessageHandedOver() throws Exception {
        deliver(1);
        importer.importNew(connection, folder, () -> false);
        deliver(150);

        int stopAt = 120;
        assertThat(importer.importNew(connection, folder, () -> handedOver.size() >= stopAt))
                .isEqualTo(stopAt - 1);
        assertThat(stored.get(connection.getId()).getLastUid())
                .as("checkpointed up to the last message handed over, mid-batch")
                .isEqualTo(folder.getUID(folder.getMessage(stopAt)));

        assertThat(importer.importNew(connection, folder, () -> false)).isEqualTo(151 - stopAt);
        assertThat(handedOver).extracting(InboundMessage::providerMessageId).containsExactlyElementsOf(ids(151));
    }

    @Test
    void aMessageTooLargeToFetchWholeIsReadPartByPartBetweenSmallOnes() throws Exception {
        deliver(1);
        importer.importNew(connection, folder, () -> false);
        deliver(2);
        byte[] video = new byte[(int) (ImportingMail.WHOLE_MAX_BYTES * 3)];
        MimeMessage large = server.mail("<large@example.org>", "Vídeo del paquete", "Adjunto el vídeo");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Adjunto el vídeo", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(video, "video/mp4")));
        attachment.setFileName("paquete.mp4");
        large.setContent(new MimeMultipart(text, attachment));
        server.deliverToShop(large);
        deliver(2);

        assertThat(importer.importNew(connection, folder, () -> false)).isEqualTo(5);

        assertThat(handedOver)
                .extracting(InboundMessage::providerMessageId)
                .containsExactly(
                        "<m0@example.org>",
                        "<m1@example.org>",
                        "<m2@example.org>",
                        "<large@example.org>",
                        "<m3@example.org>",
                        "<m4@example.org>");
        assertThat(storedFiles).containsExactly("paquete.mp4:" + video.length);
    }

    /** Delivers, then lets the open folder hear of it (a NOOP), as IDLE would. */
    private void deliver(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            int n = delivered++;
            server.deliverToShop(server.mail("<m" + n + "@example.org>", "Pedido " + n, "Mensaje " + n));
        }
        folder.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("<m" + i + "@example.org>");
        }
        return ids;
    }

    private long lastUid() throws Exception {
        return folder.getUID(folder.getMessage(folder.getMessageCount()));
    }
}
