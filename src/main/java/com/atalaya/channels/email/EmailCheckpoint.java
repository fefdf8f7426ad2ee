package com.atalaya.channels.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * How far a connection's IMAP folder has been imported: every message with a UID up to
 * {@code lastUid} under {@code uidValidity} has been received. UIDs are only comparable while
 * the folder and its UIDVALIDITY stay the same.
 */
@Entity
@Table(name = "email_checkpoints")
class EmailCheckpoint {

    @Id
    @Column(name = "connection_id")
    private UUID connectionId;

    @Column(nullable = false)
    private String folder;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "last_uid", nullable = false)
    private long lastUid;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EmailCheckpoint() {}

    EmailCheckpoint(UUID connectionId, String folder, long uidValidity, long lastUid) {
        this.connectionId = connectionId;
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
        this.updatedAt = Instant.now();
    }

    boolean covers(String folder, long uidValidity) {
        return this.folder.equals(folder) && this.uidValidity == uidValidity;
    }

    /** Moves forward only, so a slower concurrent import cannot move the checkpoint back. */
    void advance(String folder, long uidValidity, long lastUid) {
        if (covers(folder, uidValidity)) {
            this.lastUid = Math.max(this.lastUid, lastUid);
        } else {
            this.folder = folder;
            this.uidValidity = uidValidity;
            this.lastUid = lastUid;
        }
        this.updatedAt = Instant.now();
    }

    UUID getConnectionId() {
        return connectionId;
    }

    String getFolder() {
        return folder;
    }

    long getUidValidity() {
        return uidValidity;
    }

    long getLastUid() {
        return lastUid;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
