package com.atalaya.channels.webchat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** Someone chatting through the widget, known by a bearer token of which only the SHA-256 is kept. */
@Entity
@Table(name = "webchat_visitors")
class Visitor implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "connection_id", nullable = false)
    private UUID connectionId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    private String name;

    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Transient
    private boolean isNew;

    protected Visitor() {}

    Visitor(UUID workspaceId, UUID connectionId, String tokenHash, String name, String email) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.connectionId = connectionId;
        this.tokenHash = tokenHash;
        this.name = name;
        this.email = email;
        this.createdAt = Instant.now();
        this.lastSeenAt = createdAt;
        this.isNew = true;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
    }

    /** Marks the visitor seen now; only written when the last mark is older than a minute. */
    void seen(Instant now) {
        if (lastSeenAt.isBefore(now.minusSeconds(60))) {
            lastSeenAt = now;
        }
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID getWorkspaceId() {
        return workspaceId;
    }

    UUID getConnectionId() {
        return connectionId;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }
}
