package com.atalaya.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One reply in the outbound outbox; retried with growing pauses until delivered or failed for good. */
@Entity
@Table(name = "outbound_deliveries")
class OutboundDelivery {

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    static final int MAX_ATTEMPTS = 8;

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false, unique = true)
    private UUID messageId;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "connection_id", nullable = false)
    private UUID connectionId;

    @Column(nullable = false)
    private String request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Version
    private long version;

    protected OutboundDelivery() {}

    OutboundDelivery(OutboundMessageRequested message, String requestJson) {
        this.id = UUID.randomUUID();
        this.messageId = message.messageId();
        this.workspaceId = message.workspaceId();
        this.connectionId = message.connectionId();
        this.request = requestJson;
        this.status = Status.PENDING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    void delivered(String providerMessageId) {
        this.status = Status.DELIVERED;
        this.providerMessageId = providerMessageId;
        this.attempts++;
        this.nextAttemptAt = null;
        this.lastError = null;
        this.claimedUntil = null;
        this.updatedAt = Instant.now();
    }

    /** Records a failure; returns whether another attempt is scheduled. */
    boolean failed(String error, boolean permanent) {
        this.attempts++;
        this.lastError = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        this.updatedAt = Instant.now();
        this.claimedUntil = null;
        if (permanent || attempts >= MAX_ATTEMPTS) {
            this.status = Status.FAILED;
            this.nextAttemptAt = null;
            return false;
        }
        this.nextAttemptAt = updatedAt.plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 6)));
        return true;
    }

    UUID getMessageId() {
        return messageId;
    }

    UUID getWorkspaceId() {
        return workspaceId;
    }

    UUID getConnectionId() {
        return connectionId;
    }

    String getRequest() {
        return request;
    }

    Status getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }

    String getProviderMessageId() {
        return providerMessageId;
    }
}
