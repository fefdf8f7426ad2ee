package com.atalaya.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stored_files")
class StoredFileRecord {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredFileRecord() {}

    StoredFileRecord(
            UUID id,
            UUID workspaceId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String storagePath) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storagePath = storagePath;
        this.createdAt = Instant.now();
    }

    StoredFile view() {
        return new StoredFile(id, fileName, contentType, sizeBytes);
    }

    String storagePath() {
        return storagePath;
    }
}
