package com.atalaya.channels.webchat;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open chat frames of this node, by workspace, as Server-Sent Event streams. Delivery is best
 * effort: a frame that reconnects reloads its transcript, which always lives in the database.
 * Thread-safe. On shutdown every stream is ended first, so frames reconnect (to another node)
 * instead of holding up the web server's graceful shutdown.
 *
 * <p>Each stream holds one of the web server's connections for as long as it is open, so visitors
 * may hold only so many: {@code atalaya.webchat.limits.streams-per-ip} per client address and
 * {@code atalaya.webchat.limits.streams} on this node, at most half of the server's connections
 * ({@code server.tomcat.max-connections}), so agents always find connections left. A frame that is
 * refused falls back to polling and retries later.
 */
@Component
class VisitorStreams implements SmartLifecycle {

    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final int MAX_PER_VISITOR = 5;
    static final long RETRY_AFTER_SECONDS = 30;

    private record Stream(UUID workspaceId, UUID visitorId, String clientIp, long opened, SseEmitter emitter) {}

    private final int maxTotal;
    private final int maxPerIp;
    private final Map<UUID, Set<Stream>> byWorkspace = new ConcurrentHashMap<>();
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running;

    VisitorStreams(
            @Value("${atalaya.webchat.limits.streams:2000}") int maxTotal,
            @Value("${atalaya.webchat.limits.streams-per-ip:20}") int maxPerIp,
            @Value("${server.tomcat.max-connections:8192}") int serverConnections) {
        if (maxTotal < 1 || maxPerIp < 1) {
            throw new IllegalStateException("atalaya.webchat.limits.streams and streams-per-ip must be at least 1");
        }
        if (maxTotal > serverConnections / 2) {
            throw new IllegalStateException("atalaya.webchat.limits.streams (" + maxTotal
                    + ") must be at most half of server.tomcat.max-connections (" + serverConnections
                    + "), so agents always find connections left");
        }
        this.maxTotal = maxTotal;
        this.maxPerIp = maxPerIp;
    }

    /**
     * Opens a stream for a workspace's frame; {@code visitorId} is null before the visitor started a
     * chat (the stream then only carries the online state). A 429 problem when {@code clientIp}
     * holds its share of streams already, a 503 problem when this node holds all it may.
     */
    SseEmitter open(UUID workspaceId, UUID visitorId, String clientIp, String firstEvent, Object firstData) {
        if (!running) {
            throw WebchatProblem.streamsFull(RETRY_AFTER_SECONDS);
        }
        reserve(clientIp);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Stream stream = new Stream(workspaceId, visitorId, clientIp, sequence.incrementAndGet(), emitter);
        Set<Stream> streams = byWorkspace.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet());
        streams.add(stream);
        Runnable remove = () -> remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        if (visitorId != null) {
            streams.stream()
                    .filter(s -> visitorId.equals(s.visitorId()))
                    .sorted(Comparator.comparingLong(Stream::opened).reversed())
                    .skip(MAX_PER_VISITOR)
                    .forEach(s -> {
                        remove(s);
                        s.emitter().complete();
                    });
        }
        send(stream, firstEvent, firstData);
        return emitter;
    }

    /** Streams open on this node. */
    int open() {
        return total.get();
    }

    /** Streams open on this node from one client address. */
    int openFrom(String clientIp) {
        return byClient.getOrDefault(clientIp, 0);
    }

    void toVisitor(UUID workspaceId, UUID visitorId, String event, Object data) {
        sendWhere(workspaceId, s -> visitorId.equals(s.visitorId()), event, data);
    }

    void toWorkspace(UUID workspaceId, String event, Object data) {
        sendWhere(workspaceId, s -> true, event, data);
    }

    Set<UUID> watchedWorkspaces() {
        return Set.copyOf(byWorkspace.keySet());
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byWorkspace
                .values()
                .forEach(streams -> streams.forEach(s -> {
                    remove(s);
                    s.emitter().complete();
                }));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for open streams. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private void sendWhere(UUID workspaceId, Predicate<Stream> which, String event, Object data) {
        byWorkspace.getOrDefault(workspaceId, Set.of()).stream().filter(which).forEach(s -> send(s, event, data));
    }

    private void send(Stream stream, String event, Object data) {
        try {
            stream.emitter().send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            remove(stream);
        }
    }

    /** Counts a new stream of {@code clientIp} against both limits, or throws without counting it. */
    private void reserve(String clientIp) {
        boolean[] allowed = {false};
        byClient.compute(clientIp, (ip, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxPerIp) {
                return open;
            }
            allowed[0] = true;
            return count + 1;
        });
        if (!allowed[0]) {
            throw WebchatProblem.tooManyStreams(RETRY_AFTER_SECONDS);
        }
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            releaseClient(clientIp);
            throw WebchatProblem.streamsFull(RETRY_AFTER_SECONDS);
        }
    }

    private void remove(Stream stream) {
        Set<Stream> streams = byWorkspace.get(stream.workspaceId());
        if (streams != null && streams.remove(stream)) {
            total.decrementAndGet();
            releaseClient(stream.clientIp());
            if (streams.isEmpty()) {
                byWorkspace.remove(stream.workspaceId(), streams);
            }
        }
    }

    private void releaseClient(String clientIp) {
        byClient.computeIfPresent(clientIp, (ip, open) -> open <= 1 ? null : open - 1);
    }
}
