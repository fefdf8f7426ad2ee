package com.atalaya.channels.email;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link MailboxWorker} per enabled e-mail connection. Every
 * {@code atalaya.email.refresh-every} it starts workers for new connections, restarts those whose
 * settings changed or whose worker died, and stops those of disabled or deleted connections.
 */
@Component
class SyncingMailboxes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncingMailboxes.class);

    private record Running(MailboxWorker worker, String fingerprint) {}

    private final ChannelConnections connections;
    private final ImportingMail importer;
    private final boolean enabled;
    private final Map<UUID, Running> workers = new HashMap<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    SyncingMailboxes(
            ChannelConnections connections,
            ImportingMail importer,
            @Value("${atalaya.email.sync-enabled:true}") boolean enabled) {
        this.connections = connections;
        this.importer = importer;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("email-idle-timer").daemon().factory());
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        workers.values().forEach(r -> r.worker().stop());
        for (Running r : workers.values()) {
            try {
                r.worker().awaitTermination(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(
            initialDelayString = "${atalaya.email.first-refresh:5s}",
            fixedDelayString = "${atalaya.email.refresh-every:30s}")
    synchronized void refresh() {
        if (!running || !enabled) {
            return;
        }
        Map<UUID, ChannelConnection> wanted = connections.enabledOfType(EmailChannel.TYPE).stream()
                .collect(Collectors.toMap(ChannelConnection::getId, c -> c));
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
                if (current != null) {
                    current.worker().stop();
                }
                MailboxWorker worker = new MailboxWorker(connection, EmailSettings.of(values), importer, timer);
                workers.put(connection.getId(), new Running(worker, fingerprint));
                worker.start();
            } catch (RuntimeException e) {
                log.warn("Cannot start reading e-mail connection {}: {}", connection.getId(), e.toString());
            }
        }
        Set<UUID> gone =
                workers.keySet().stream().filter(id -> !wanted.containsKey(id)).collect(Collectors.toSet());
        gone.forEach(id -> workers.remove(id).worker().stop());
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
