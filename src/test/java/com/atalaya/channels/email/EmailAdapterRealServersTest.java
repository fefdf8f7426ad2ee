package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.InboundMessage;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The e-mail adapter on its own (a mailbox worker with receipts and checkpoint in memory) against
 * Debian's Dovecot and Postfix: how fast it takes a burst in, apart from what the application
 * does with the mail afterwards.
 */
@Tag("real-mail-servers")
class EmailAdapterRealServersTest {

    private static final String SHOP = "adapter@example.com";
    static RealMailServers servers;

    @BeforeAll
    static void startServers() {
        RealMailServers.require();
        servers = RealMailServers.start("adapter");
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theAdapterTakesABurstOf500MailsInOnceEachWithinSeconds() throws Exception {
        InMemoryImport memory = new InMemoryImport();
        ChannelConnection connection = new ChannelConnection(UUID.randomUUID(), "email", "Soporte", "{}");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        MailboxWorker worker =
                new MailboxWorker(connection, EmailSettings.of(servers.settings(SHOP)), memory.importer, timer);
        try {
            worker.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> memory.checkpoints.containsKey(connection.getId()));
            List<MimeMessage> burst = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                ids.add("<adapter-" + i + "@example.org>");
                burst.add(RealMailServers.mail(
                        "cliente" + (i % 100) + "@example.org", SHOP, ids.getLast(), "Pedido " + i, "Mensaje " + i));
            }

            Instant start = Instant.now();
            servers.send(burst);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> memory.handedOver.size() == 500);
            Duration took = Duration.between(start, Instant.now());
            EmailRealServersTest.timing(
                    "adapter alone: burst of 500 sent through Postfix and handed over by the worker in %d ms,"
                            + " %d checkpoint writes",
                    took.toMillis(), memory.checkpointWrites.get());

            assertThat(memory.handedOver)
                    .extracting(InboundMessage::providerMessageId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        } finally {
            worker.stop();
            worker.awaitTermination(Duration.ofSeconds(10));
            timer.shutdownNow();
        }
    }
}
