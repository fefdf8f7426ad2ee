package com.atalaya.service;

import com.atalaya.identity.WorkspaceDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent availability. An agent is ONLINE while they chose so, a screen of theirs sends heartbeats
 * (every minute), and they were active within {@code atalaya.presence.away-after}; the chat widget
 * offers live chat only while someone of the workspace is ONLINE.
 */
@Service
@Transactional
public class Presence {

    /** A screen that has not reported in for this long is gone. */
    static final Duration SCREEN_GONE = Duration.ofSeconds(150);

    private final AgentPresences presences;
    private final WorkspaceDirectory directory;
    private final Duration awayAfter;

    Presence(
            AgentPresences presences,
            WorkspaceDirectory directory,
            @Value("${atalaya.presence.away-after}") Duration awayAfter) {
        this.presences = presences;
        this.directory = directory;
        this.awayAfter = awayAfter;
    }

    public void choose(UUID userId, PresenceStatus status) {
        presences
                .findById(userId)
                .orElseGet(() -> presences.save(new AgentPresence(userId)))
                .choose(status, Instant.now());
    }

    public void heartbeat(UUID userId, boolean active) {
        presences
                .findById(userId)
                .orElseGet(() -> presences.save(new AgentPresence(userId)))
                .heartbeat(active, Instant.now());
    }

    @Transactional(readOnly = true)
    public PresenceStatus chosen(UUID userId) {
        return presences.findById(userId).map(AgentPresence::chosen).orElse(PresenceStatus.ONLINE);
    }

    @Transactional(readOnly = true)
    public PresenceStatus statusOf(UUID userId) {
        return presences
                .findById(userId)
                .map(p -> p.effective(Instant.now(), SCREEN_GONE, awayAfter))
                .orElse(PresenceStatus.OFFLINE);
    }

    @Transactional(readOnly = true)
    public Map<UUID, PresenceStatus> statuses(Collection<UUID> userIds) {
        Instant now = Instant.now();
        Map<UUID, AgentPresence> known = presences.findAllById(userIds).stream()
                .collect(Collectors.toMap(AgentPresence::userId, Function.identity()));
        return userIds.stream()
                .distinct()
                .collect(Collectors.toMap(
                        Function.identity(),
                        id -> known.containsKey(id)
                                ? known.get(id).effective(now, SCREEN_GONE, awayAfter)
                                : PresenceStatus.OFFLINE));
    }

    /** Whether at least one member who can answer conversations is ONLINE now. */
    @Transactional(readOnly = true)
    public boolean anyoneAvailable(UUID workspaceId) {
        var agents = directory.members(workspaceId).stream()
                .filter(m -> m.role().canWorkConversations())
                .map(WorkspaceDirectory.MemberView::userId)
                .toList();
        return statuses(agents).containsValue(PresenceStatus.ONLINE);
    }
}
