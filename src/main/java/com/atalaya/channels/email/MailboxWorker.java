package com.atalaya.channels.email;

import com.atalaya.channels.ChannelConnection;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection's IMAP folder imported: signs in, imports what is new, then waits in IMAP
 * IDLE (or sleeps {@code pollSeconds} when the server lacks IDLE) and repeats; on errors it signs
 * in again after the pause {@link Reconnecting} gives, and logs that exact pause. Runs on its own
 * platform thread, because Angus Mail blocks on sockets inside synchronized blocks, which would pin
 * the carriers of virtual threads.
 *
 * <p>The folder is opened read-only and mail is neither flagged (not even \Seen) nor deleted: the
 * mailbox is usually also read by people in their mail client, and the checkpoint, not the
 * flags, records what Atalaya has imported.
 */
class MailboxWorker {

    private static final Logger log = LoggerFactory.getLogger(MailboxWorker.class);
    /** IDLE is renewed at least this often, well within the 29 minutes RFC 2177 allows. */
    static final Duration MAX_IDLE = Duration.ofMinutes(10);

    private final ChannelConnection connection;
    private final EmailSettings settings;
    private final ImportingMail importer;
    private final ScheduledExecutorService timer;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile IMAPStore store;
    private Thread thread;

    MailboxWorker(
            ChannelConnection connection,
            EmailSettings settings,
            ImportingMail importer,
            ScheduledExecutorService timer) {
        this.connection = connection;
        this.settings = settings;
        this.importer = importer;
        this.timer = timer;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform()
                    .name("email-sync-" + connection.getId())
                    .daemon()
                    .start(this::run);
        }
    }

    /** Stops as soon as possible: aborts IDLE or a running import by closing the connection. */
    void stop() {
        stopped = true;
        stopping.countDown();
        IMAPStore current = store;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing the IMAP connection of {} failed", connection.getId(), e);
            }
        }
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        return running == null || running.join(timeout);
    }

    boolean isAlive() {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        return running != null && running.isAlive() && !stopped;
    }

    private void run() {
        Reconnecting reconnecting = new Reconnecting();
        while (!stopped) {
            Duration wait = Duration.ZERO;
            try {
                syncUntilStopped(reconnecting);
            } catch (MessagingException | IOException | RuntimeException e) {
                wait = reconnecting.after(e);
                if (!stopped && Reconnecting.database(e)) {
                    log.warn(
                            "E-mail connection {} ({}): storing mail of {} failed: {}; trying again in {} s",
                            connection.getId(),
                            connection.getName(),
                            settings.imapFolder(),
                            e.getMessage(),
                            wait.toSeconds());
                } else if (!stopped) {
                    log.warn(
                            "E-mail connection {} ({}): reading {} failed: {}; trying again in {} s",
                            connection.getId(),
                            connection.getName(),
                            settings.imapFolder(),
                            MailProblems.explain(e, "IMAP", settings.imapHost(), settings.imapPort()),
                            wait.toSeconds());
                }
                log.debug("E-mail connection {}: the failure", connection.getId(), e);
            } finally {
                close();
            }
            pause(wait);
        }
    }

    private void syncUntilStopped(Reconnecting reconnecting) throws MessagingException, IOException {
        IMAPStore imap = (IMAPStore) settings.imapSession().getStore("imap");
        store = imap;
        if (stopped) {
            return;
        }
        imap.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
        IMAPFolder folder = (IMAPFolder) imap.getFolder(settings.imapFolder());
        folder.open(Folder.READ_ONLY);
        boolean idle = imap.hasCapability("IDLE");
        if (idle) {
            // New mail reported just as IDLE starts would otherwise wait for the next renewal.
            folder.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    if (wakePending.compareAndSet(false, true)) {
                        Thread.ofPlatform()
                                .daemon()
                                .name("email-wake-" + connection.getId())
                                .start(() -> {
                                    wakePending.set(false);
                                    wake(folder);
                                });
                    }
                }
            });
        }
        boolean first = true;
        while (!stopped) {
            int before = folder.getMessageCount();
            importer.importNew(connection, folder, () -> stopped);
            if (stopped) {
                return;
            }
            if (first) {
                first = false;
                int failures = reconnecting.failures();
                reconnecting.connected();
                log.info(
                        "E-mail connection {} reads {} {}{}",
                        connection.getId(),
                        settings.imapFolder(),
                        idle ? "with IMAP IDLE" : "every " + settings.pollSeconds() + " s",
                        failures == 0 ? "" : ", connected again after " + failures + " failed attempts");
            }
            // A NOOP: mail that arrived during the import is reported now, not only at the next IDLE renewal.
            if (folder.getMessageCount() != before) {
                continue;
            }
            if (idle) {
                idle(folder);
            } else {
                pause(Duration.ofSeconds(settings.pollSeconds()));
            }
            if (!folder.isOpen() && !stopped) {
                throw new FolderClosedException(folder, "The server closed the folder");
            }
        }
    }

    /**
     * Waits in IDLE until the server reports a change. A timer ends the IDLE after
     * {@code pollSeconds} (at most {@link #MAX_IDLE}) by issuing a NOOP from another thread, so
     * the folder is also re-read when a notification was missed and the connection stays alive.
     */
    private void idle(IMAPFolder folder) throws MessagingException {
        long seconds = Math.min(settings.pollSeconds(), MAX_IDLE.toSeconds());
        ScheduledFuture<?> renew = timer.schedule(() -> wake(folder), seconds, TimeUnit.SECONDS);
        try {
            folder.idle(true);
        } finally {
            renew.cancel(false);
        }
    }

    /** Ends a running IDLE; a NOOP through doCommand always does, even right after IDLE started. */
    private void wake(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.debug("Waking the IDLE of {} failed", connection.getId(), e);
        }
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private void close() {
        IMAPStore current = store;
        store = null;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing the IMAP connection of {} failed", connection.getId(), e);
            }
        }
    }
}
