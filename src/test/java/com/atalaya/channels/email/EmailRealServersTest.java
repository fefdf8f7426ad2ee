package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.Message;
import com.atalaya.inbox.WorkingConversations;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The e-mail channel against Debian's Dovecot and Postfix, in the test's application: a mailbox
 * read from the moment it is saved, a burst of 500 mails, an IMAP outage (twice) and a reply.
 * The periodic refresh is an hour, so that only an immediate start can read a saved mailbox.
 * The outage lasts {@code -Datalaya.test.mail-outage} seconds (60 unless told).
 */
@Tag("real-mail-servers")
@TestPropertySource(properties = "atalaya.email.refresh-every=1h")
class EmailRealServersTest extends IntegrationTest {

    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("atalaya.test.mail-outage", 60));
    static final Duration RECONNECT = Duration.ofSeconds(10);
    static final Path TIMINGS = Path.of("target", "real-mail", "timings.txt");
    private static final Pattern WAIT = Pattern.compile("trying again in (\\d+) s");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static RealMailServers servers;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    @Autowired
    SyncingMailboxes mailboxes;

    @Autowired
    WorkingConversations inbox;

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TestWorkspaces.Tenant shop;
    private ChannelConnection connection;

    @BeforeAll
    static void startServers() {
        RealMailServers.require();
        servers = RealMailServers.start("in-process");
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void captureWorkerLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(MailboxWorker.class)).addAppender(log);
    }

    @AfterEach
    void disconnect() {
        ((Logger) LoggerFactory.getLogger(MailboxWorker.class)).detachAppender(log);
        if (connection != null) {
            connections.setEnabled(shop.member(), connection.getId(), false);
        }
    }

    @Test
    void aMailboxIsReadFromTheMomentItIsSavedAndIdleBringsMailInAtOnce() throws Exception {
        String address = "saved@example.com";
        servers.send(RealMailServers.mail(
                "lucia@example.org", address, "<waiting@example.org>", "Esperando", "Ya estaba en el buzón"));
        await().atMost(PATIENCE).until(() -> servers.delivered(address) == 1);

        Instant saved = Instant.now();
        connect(address);
        await().atMost(PATIENCE).until(() -> conversations() == 1);
        Duration firstIn = Duration.between(saved, Instant.now());
        assertThat(firstIn).as("saved to first mail in the inbox").isLessThan(Duration.ofSeconds(10));

        Instant sent = Instant.now();
        servers.send(RealMailServers.mail("lucia@example.org", address, "<idle@example.org>", "Otra", "Por IDLE"));
        await().atMost(PATIENCE).until(() -> conversations() == 2);
        Duration idleIn = Duration.between(sent, Instant.now());
        assertThat(idleIn)
                .as("sent to the inbox, through Postfix, Dovecot and IDLE")
                .isLessThan(Duration.ofSeconds(10));
        timing(
                "saved mailbox: first mail in the inbox %d ms after saving; next mail in %d ms over IDLE",
                firstIn.toMillis(), idleIn.toMillis());
    }

    @Test
    void aBurstOf500MailsIsInTheInboxOnceEachWithinAMinute() {
        String address = "burst@example.com";
        connect(address);
        awaitReading(Instant.EPOCH);
        List<MimeMessage> burst = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "<burst-" + i + "@example.org>";
            ids.add(id);
            burst.add(RealMailServers.mail(
                    "cliente" + (i % 100) + "@example.org", address, id, "Pedido " + i, "Mensaje número " + i));
        }

        Instant start = Instant.now();
        servers.send(burst);
        Duration handedToPostfix = Duration.between(start, Instant.now());
        AtomicReference<Duration> allInMailbox = new AtomicReference<>();
        AtomicReference<Duration> allReceived = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60).minus(handedToPostfix))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (allInMailbox.get() == null && servers.delivered(address) == 500) {
                            allInMailbox.set(Duration.between(start, Instant.now()));
                        }
                        if (allReceived.get() == null && receipts() == 500) {
                            allReceived.set(Duration.between(start, Instant.now()));
                        }
                        return inboxMessages() == 500;
                    });
        } catch (ConditionTimeoutException e) {
            timing(
                    "burst FAILED after 60 s: %d in Dovecot, %d received by the adapter, %d in the inbox",
                    servers.delivered(address), receipts(), inboxMessages());
            fail("500 mails were not in the inbox within 60 s: " + servers.delivered(address) + " in Dovecot, "
                    + receipts() + " received by the adapter (receipts), " + inboxMessages() + " in the inbox");
        }
        Duration allInInbox = Duration.between(start, Instant.now());
        timing(
                "burst of 500: handed to Postfix in %d ms, all in Dovecot after %s ms, all received after %s ms,"
                        + " all in the inbox after %d ms",
                handedToPostfix.toMillis(),
                allInMailbox.get() == null ? "?" : allInMailbox.get().toMillis(),
                allReceived.get() == null ? "?" : allReceived.get().toMillis(),
                allInInbox.toMillis());

        assertThat(jdbc.queryForList(
                        "select provider_message_id from messages where connection_id = ?",
                        String.class,
                        connection.getId()))
                .as("every mail once")
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void afterAnImapOutageTheMailboxReadsAgainWithinTenSecondsOfTheReturnAndTheLogTellsEachWait() {
        String address = "outage@example.com";
        connect(address);
        Instant reading = awaitReading(Instant.EPOCH);
        for (int round = 1; round <= 2; round++) {
            Instant down = Instant.now();
            servers.stopImap();
            // Sent during the outage: Postfix keeps it until Dovecot is back.
            servers.send(RealMailServers.mail(
                    "lucia@example.org",
                    address,
                    "<outage-" + round + "@example.org>",
                    "Durante el corte " + round,
                    "Enviado con el servidor parado"));
            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
            Instant up = servers.startImap();

            reading = awaitReading(up);
            Duration back = Duration.between(up, reading);
            assertThat(back).as("reading again after the server's return").isLessThan(RECONNECT);

            List<ILoggingEvent> failures = events().stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .filter(e -> !Instant.ofEpochMilli(e.getTimeStamp()).isBefore(down))
                    .filter(e -> Instant.ofEpochMilli(e.getTimeStamp()).isBefore(up.plus(RECONNECT)))
                    .toList();
            assertThat(failures).as("failed attempts during outage " + round).hasSizeGreaterThan(2);
            assertThat(statedWait(failures.getFirst()))
                    .as("the first wait after a working connection")
                    .isEqualTo(1);
            List<String> waits = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                long stated = statedWait(failures.get(i)) * 1000;
                long next = i + 1 < failures.size() ? failures.get(i + 1).getTimeStamp() : reading.toEpochMilli();
                long actual = next - failures.get(i).getTimeStamp();
                waits.add(stated / 1000 + " s logged, next attempt after " + actual + " ms");
                assertThat(actual)
                        .as("the wait logged at attempt " + (i + 1) + " of outage " + round)
                        .isBetween(stated - 100, stated + 2500);
            }
            assertThat(failures.getFirst().getFormattedMessage()).contains("reading INBOX failed");
            timing(
                    "outage %d of %d s: reading again %d ms after the server's return; waits: %s",
                    round, OUTAGE.toSeconds(), back.toMillis(), String.join("; ", waits));

            String subject = "Durante el corte " + round;
            await().atMost(PATIENCE)
                    .until(() -> inbox.list(shop.member(), ConversationQuery.all(), 0, 10).getContent().stream()
                            .anyMatch(c -> subject.equals(c.getSubject())));
        }
    }

    @Test
    void aReplyGoesOutThroughPostfixAndTheCustomersAnswerThreadsBack() throws Exception {
        String address = "replies@example.com";
        String customer = "lucia.replies@example.org";
        connect(address);
        servers.send(RealMailServers.mail(customer, address, "<question@example.org>", "¿Y mi pedido?", "El 10234"));
        await().atMost(PATIENCE).until(() -> conversations() == 1);
        Conversation conversation = inbox.list(shop.member(), ConversationQuery.all(), 0, 10)
                .getContent()
                .getFirst();

        Message reply = inbox.post(shop.member(), conversation.getId(), "Sale hoy mismo.", false);

        await().atMost(PATIENCE).until(() -> servers.delivered(customer) == 1);
        MimeMessage answer =
                RealMailServers.mail(customer, address, "<answer@example.org>", "Re: ¿Y mi pedido?", "¡Gracias!");
        answer.setHeader("In-Reply-To", "<" + reply.getId() + "@example.com>");
        answer.saveChanges();
        servers.send(answer);
        await().atMost(PATIENCE)
                .until(() -> inbox.detail(shop.member(), conversation.getId())
                                .messages()
                                .size()
                        == 3);
        assertThat(conversations()).isEqualTo(1);
    }

    private void connect(String address) {
        shop = workspaces.create("Tienda " + address);
        connection = connections.create(shop.member(), "email", "Soporte", servers.settings(address));
    }

    /** When the worker logged that it reads the folder, after {@code after}. */
    private Instant awaitReading(Instant after) {
        AtomicReference<Instant> at = new AtomicReference<>();
        await().atMost(RECONNECT.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    events().stream()
                            .filter(e -> e.getFormattedMessage().contains(" reads INBOX "))
                            .map(e -> Instant.ofEpochMilli(e.getTimeStamp()))
                            .filter(t -> t.isAfter(after))
                            .findFirst()
                            .ifPresent(at::set);
                    return at.get() != null;
                });
        return at.get();
    }

    private List<ILoggingEvent> events() {
        String id = connection.getId().toString();
        synchronized (log) {
            return log.list.stream()
                    .filter(e -> e.getFormattedMessage().contains(id))
                    .toList();
        }
    }

    private static long statedWait(ILoggingEvent event) {
        Matcher wait = WAIT.matcher(event.getFormattedMessage());
        assertThat(wait.find()).as(event.getFormattedMessage()).isTrue();
        return Long.parseLong(wait.group(1));
    }

    private long conversations() {
        return inbox.list(shop.member(), ConversationQuery.all(), 0, 10).getTotalElements();
    }

    private int inboxMessages() {
        return jdbc.queryForObject(
                "select count(*) from messages where connection_id = ?", Integer.class, connection.getId());
    }

    private int receipts() {
        return jdbc.queryForObject(
                "select count(*) from inbound_receipts where connection_id = ?", Integer.class, connection.getId());
    }

    static void timing(String format, Object... args) {
        String line = Instant.now() + " " + String.format(format, args);
        System.out.println(line);
        try {
            Files.createDirectories(TIMINGS.getParent());
            Files.writeString(TIMINGS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the line is in the test output as well
        }
    }
}
