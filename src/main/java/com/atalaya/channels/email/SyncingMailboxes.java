package com.atalaya.channels.email;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnectionChanged;
import com.atalaya.channels.ChannelConnections;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one {@link MailboxWorker} per enabled e-mail connection: it starts workers for new
 * connections, restarts those whose settings changed or whose worker died, and stops those of
 * disabled or deleted connections. It does so as soon as the application is ready, right after
 * a connection is saved, enabled or disabled ({@link ChannelConnectionChanged}, after commit),
 * and every {@code atalaya.email.refresh-every} as a safety net. Across nodes each mailbox is read by
 * the node holding its lease ({@link MailboxLeases}), renewed on every refresh.
 *
 * <p>As a {@link SmartLifecycle} in the last phase it stops first on shutdown, so every worker
 * has ended before the web server, the event executors and the database go away.
 */
@Component
class SyncingMailboxes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncingMailboxes.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private record Running(MailboxWorker worker, String fingerprint) {}

    private final ChannelConnections connections;
    private final ImportingMail importer;
    private final MailboxLeases leases;
    private final Duration lease;
    private final boolean enabled;
    /** This node, as the holder of mailbox leases. */
    private final UUID node;
    /** Mailboxes saved on this node since the last refresh: read here at once. */
    private final Set<UUID> savedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<UUID, Running> workers = new HashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private ExecutorService refresher;
    private volatile boolean running;

    SyncingMailboxes(
            ChannelConnections connections,
            ImportingMail importer,
            MailboxLeases leases,
            ThisNode thisNode,
            @Value("${atalaya.email.lease:90s}") Duration lease,
            @Value("${atalaya.email.sync-enabled:true}") boolean enabled) {
        this.connections = connections;
        this.importer = importer;
        this.leases = leases;
        this.node = thisNode.id();
        this.lease = lease;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("email-idle-timer").daemon().factory());
        refresher = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("email-refresh").daemon().factory());
        running = true;
    }

    /** Stops every worker at once, then waits for each (they close their IMAP connection and end). */
    @Override
    public void stop() {
        running = false;
        ExecutorService pendingRefresh = refresher;
        if (pendingRefresh != null) {
            pendingRefresh.shutdownNow();
        }
        List<MailboxWorker> stopping;
        synchronized (this) {
            stopping = workers.values().stream().map(Running::worker).toList();
            workers.clear();
        }
        stopping.forEach(MailboxWorker::stop);
        for (MailboxWorker worker : stopping) {
            try {
                if (!worker.awaitTermination(STOP_PATIENCE)) {
                    log.warn("An e-mail worker did not stop within {} s", STOP_PATIENCE.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        if (enabled) {
            try {
                leases.releaseAll(node);
            } catch (RuntimeException e) {
                log.info("Could not release this node's mailbox leases (they lapse by themselves): {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        refreshSoon();
    }

    /** A saved, enabled or disabled mailbox is (re)started or stopped as soon as its transaction commits. */
    @EventListener
    void on(ChannelConnectionChanged event) {
        if (!EmailChannel.TYPE.equals(event.channelType())) {
            return;
        }
        savedHere.add(event.connectionId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refreshSoon();
                }
            });
        } else {
            refreshSoon();
        }
    }

    /** Refreshes on the refresher thread; requests that arrive while one is queued join it. */
    void refreshSoon() {
        ExecutorService executor = refresher;
        if (!running || executor == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                refreshQueued.set(false);
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.warn("Refreshing the e-mail connections failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            refreshQueued.set(false);
        }
    }

    @Scheduled(
            initialDelayString = "${atalaya.email.first-refresh:${atalaya.email.refresh-every:30s}}",
            fixedDelayString = "${atalaya.email.refresh-every:30s}")
    synchronized void refresh() {
        if (!running || !enabled) {
            return;
        }
        Map<UUID, ChannelConnection> wanted = connections.enabledOfType(EmailChannel.TYPE).stream()
                .filter(this::leased)
                .collect(Collectors.toMap(ChannelConnection::getId, c -> c));
        List<MailboxWorker> replaced = new ArrayList<>();
        Map<UUID, MailboxWorker> starting = new HashMap<>();
        for (ChannelConnection connection : wanted.values()) {
            try {
                Map<String, String> values = connections.settings(connection);
                String fingerprint = fingerprint(values);
                Running current = workers.get(connection.getId());
                if (current != null
                        && current.fingerprint().equals(fingerprint)
                        && current.worker().isAlive()) {
                    continue;
                }
                EmailSettings settings = EmailSettings.of(values);
                if (current != null) {
                    current.worker().stop();
                    replaced.add(current.worker());
                }
                MailboxWorker worker = new MailboxWorker(connection, settings, importer, timer);
                workers.put(connection.getId(), new Running(worker, fingerprint));
                starting.put(connection.getId(), worker);
            } catch (RuntimeException e) {
                log.warn("Cannot start reading e-mail connection {}: {}", connection.getId(), e.toString());
            }
        }
        Set<UUID> gone =
                workers.keySet().stream().filter(id -> !wanted.containsKey(id)).collect(Collectors.toSet());
        for (UUID id : gone) {
            MailboxWorker worker = workers.remove(id).worker();
            worker.stop();
            replaced.add(worker);
        }
        // One reader per mailbox: a replaced worker ends before its successor signs in.
        for (MailboxWorker worker : replaced) {
            try {
                worker.awaitTermination(STOP_PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running) {
            starting.values().forEach(MailboxWorker::start);
        }
    }

    /**
     * Whether this node reads the mailbox: it holds (or has just renewed) its lease. A mailbox saved
     * on this node is taken over from whichever node read it; that one stops at its next refresh.
     */
    private boolean leased(ChannelConnection connection) {
        try {
            if (savedHere.remove(connection.getId())) {
                leases.takeOver(connection.getId(), node, lease);
                return true;
            }
            return leases.hold(connection.getId(), node, lease);
        } catch (RuntimeException e) {
            log.warn("Cannot take the lease of e-mail connection {}: {}", connection.getId(), e.toString());
            return workers.containsKey(connection.getId());
        }
    }

    /** Connections with a running worker (for tests and diagnostics). */
    synchronized Set<UUID> running() {
        return workers.entrySet().stream()
                .filter(e -> e.getValue().worker().isAlive())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** A hash of the settings, so that a change restarts the worker without keeping passwords around. */
    private static String fingerprint(Map<String, String> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new TreeMap<>(values).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
