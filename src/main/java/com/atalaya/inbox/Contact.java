package com.atalaya.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One customer, reachable at one or more {@link ContactIdentity identities}. */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "merged_into")
    private UUID mergedInto;

    protected Contact() {}

    Contact(UUID workspaceId, String name) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getMergedInto() {
        return mergedInto;
    }

    void mergeInto(UUID survivor) {
        this.mergedInto = survivor;
    }
}
