package com.atalaya.replies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A model answer for one situation. {@code intent} null: fits any. The body may hold variables
 * such as {@code {{customer.firstName}}}, filled in when an agent picks it.
 */
@Entity
@Table(name = "canned_replies")
public class CannedReply {

    public static final int MAX_NAME = 120;
    public static final int MAX_BODY = 4000;

    @Id
    private UUID id;

    private UUID workspaceId;
    private String name;
    private String intent;
    private String language;
    private String body;
    private Instant createdAt;
    private Instant updatedAt;

    protected CannedReply() {}

    CannedReply(UUID workspaceId, String name, String intent, String language, String body) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.createdAt = Instant.now();
        update(name, intent, language, body);
    }

    void update(String name, String intent, String language, String body) {
        this.name = name;
        this.intent = intent;
        this.language = language;
        this.body = body;
        this.updatedAt = Instant.now();
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

    public String getIntent() {
        return intent;
    }

    public String getLanguage() {
        return language;
    }

    public String getBody() {
        return body;
    }
}
