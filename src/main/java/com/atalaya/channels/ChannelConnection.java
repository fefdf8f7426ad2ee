package com.atalaya.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One configured channel of a workspace (a mailbox, the chat widget, the contact form...).
 * {@code settings} is JSON whose secret fields are encrypted; read them through {@link ChannelSettings}.
 */
@Entity
@Table(name = "channel_connections")
public class ChannelConnection {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String settings;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChannelConnection() {}

    public ChannelConnection(UUID workspaceId, String type, String name, String settings) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.type = type;
        this.name = name;
        this.settings = settings;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getWorkspaceId() {
        return workspaceId;
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    String getSettingsJson() {
        return settings;
    }

    void setSettingsJson(String settings) {
        this.settings = settings;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    ChannelConnectionView view() {
        return new ChannelConnectionView(id, type, name, enabled);
    }
}
