package com.atalaya.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes named events to the open screens of a workspace (agents) over Server-Sent Events.
 * Delivery is best effort: a screen that misses an event reloads its data on the next one; the
 * data itself always lives in the database. Called inside a transaction, a push waits for its
 * commit (and is dropped on rollback), so a screen never reloads before the data is there; it
 * never touches the database. Thread-safe.
 */
@Component
public class LiveUpdates {

    private record Screen(UUID workspaceId, UUID userId, SseEmitter emitter) {}

    private final Map<UUID, Set<Screen>> screensByWorkspace = new ConcurrentHashMap<>();

    public SseEmitter subscribe(UUID workspaceId, UUID userId) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Screen screen = new Screen(workspaceId, userId, emitter);
        Set<Screen> screens = screensByWorkspace.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet());
        screens.add(screen);
        Runnable remove = () -> screens.remove(screen);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(screen, "hello", Map.of("workspaceId", workspaceId));
        return emitter;
    }

    public void toWorkspace(UUID workspaceId, String event, Object data) {
        sendWhere(workspaceId, s -> true, event, data);
    }

    public void toUser(UUID workspaceId, UUID userId, String event, Object data) {
        sendWhere(workspaceId, s -> s.userId().equals(userId), event, data);
    }

    public boolean hasOpenScreen(UUID workspaceId, UUID userId) {
        return screensByWorkspace.getOrDefault(workspaceId, Set.of()).stream()
                .anyMatch(s -> s.userId().equals(userId));
    }

    @Scheduled(fixedDelay = 25_000)
    void keepAlive() {
        screensByWorkspace
                .values()
                .forEach(screens -> screens.forEach(s -> {
                    try {
                        s.emitter().send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        screens.remove(s);
                    }
                }));
    }

    private void sendWhere(UUID workspaceId, Predicate<Screen> which, String event, Object data) {
        if (!screensByWorkspace.containsKey(workspaceId)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendNow(workspaceId, which, event, data);
                }
            });
        } else {
            sendNow(workspaceId, which, event, data);
        }
    }

    private void sendNow(UUID workspaceId, Predicate<Screen> which, String event, Object data) {
        screensByWorkspace.getOrDefault(workspaceId, Set.of()).stream()
                .filter(which)
                .forEach(s -> send(s, event, data));
    }

    private void send(Screen screen, String event, Object data) {
        try {
            screen.emitter().send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            screensByWorkspace.getOrDefault(screen.workspaceId(), Set.of()).remove(screen);
        }
    }
}
