package com.atalaya.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What an agent chose (online, away, offline) and when their open screen last reported in and
 * last saw them active; the effective status follows from the three.
 */
@Entity
@Table(name = "agent_presence")
class AgentPresence {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_status", nullable = false)
    private PresenceStatus chosen;

    @Column(name = "last_heartbeat_at")
    private Instant lastHeartbeatAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AgentPresence() {}

    AgentPresence(UUID userId) {
        this.userId = userId;
        this.chosen = PresenceStatus.ONLINE;
        this.updatedAt = Instant.now();
    }

    void choose(PresenceStatus status, Instant now) {
        this.chosen = status;
        this.lastHeartbeatAt = now;
        this.lastActivityAt = now;
        this.updatedAt = now;
    }

    void heartbeat(boolean active, Instant now) {
        this.lastHeartbeatAt = now;
        if (active) {
            this.lastActivityAt = now;
        }
        this.updatedAt = now;
    }

    /** Offline without a screen open (no heartbeat within {@code screenGone}); away when idle. */
    PresenceStatus effective(Instant now, Duration screenGone, Duration awayAfter) {
        if (chosen == PresenceStatus.OFFLINE
                || lastHeartbeatAt == null
                || lastHeartbeatAt.isBefore(now.minus(screenGone))) {
            return PresenceStatus.OFFLINE;
        }
        if (chosen == PresenceStatus.AWAY || lastActivityAt == null || lastActivityAt.isBefore(now.minus(awayAfter))) {
            return PresenceStatus.AWAY;
        }
        return PresenceStatus.ONLINE;
    }

    PresenceStatus chosen() {
        return chosen;
    }

    UUID userId() {
        return userId;
    }
}
