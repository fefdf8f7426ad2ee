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

/**
 * One line of a visitor's transcript. A visitor's line id is the provider message id the inbox
 * sees; an agent's line id is the inbox message id, which makes delivering it twice harmless.
 */
@Entity
@Table(name = "webchat_lines")
class Line implements Persistable<UUID> {

    static final int MAX_AUTHOR = 120;

    @Id
    private UUID id;

    @Column(name = "visitor_id", nullable = false)
    private UUID visitorId;

    @Column(name = "from_visitor", nullable = false)
    private boolean fromVisitor;

    @Column(name = "author_name")
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Transient
    private boolean isNew;

    protected Line() {}

    Line(UUID id, UUID visitorId, boolean fromVisitor, String authorName, String body, Instant createdAt) {
        this.id = id;
        this.visitorId = visitorId;
        this.fromVisitor = fromVisitor;
        this.authorName = authorName == null || authorName.length() <= MAX_AUTHOR
                ? authorName
                : authorName.substring(0, MAX_AUTHOR);
        this.body = body;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID getVisitorId() {
        return visitorId;
    }

    boolean isFromVisitor() {
        return fromVisitor;
    }

    String getAuthorName() {
        return authorName;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
