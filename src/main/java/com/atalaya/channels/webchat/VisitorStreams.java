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
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open chat frames of this node, by workspace, as Server-Sent Event streams. Delivery is best
 * effort: a frame that reconnects reloads its transcript, which always lives in the database.
 * Thread-safe. On shutdown every stream is ended first, so frames reconnect (to another node)
 * instead of holding up the web server's graceful shutdown.
 */
@Component
class VisitorStreams implements SmartLifecycle {

    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final int MAX_PER_VISITOR = 5;
    static final int MAX_TOTAL = 20_000;

    private record Stream(UUID workspaceId, UUID visitorId, long opened, SseEmitter emitter) {}

    private final Map<UUID, Set<Stream>> byWorkspace = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running;

    /**
     * Opens a stream for a workspace's frame; {@code visitorId} is null before the visitor started a
     * chat (the stream then only carries the online state). Empty when this node is at capacity.
     */
    java.util.Optional<SseEmitter> open(UUID workspaceId, UUID visitorId, String firstEvent, Object firstData) {
        if (!running || total.get() >= MAX_TOTAL) {
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Stream stream = new Stream(workspaceId, visitorId, sequence.incrementAndGet(), emitter);
        Set<Stream> streams = byWorkspace.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet());
        streams.add(stream);
        total.incrementAndGet();
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
        return java.util.Optional.of(emitter);
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

    private void remove(Stream stream) {
        Set<Stream> streams = byWorkspace.get(stream.workspaceId());
        if (streams != null && streams.remove(stream)) {
            total.decrementAndGet();
            if (streams.isEmpty()) {
                byWorkspace.remove(stream.workspaceId(), streams);
            }
        }
    }
}
