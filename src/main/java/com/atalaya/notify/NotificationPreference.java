package com.atalaya.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One user's choice for one kind of notification; without a row the kind's defaults apply. */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreference {

    @Embeddable
    public record Key(
            @Column(name = "user_id") UUID userId,

            @Enumerated(EnumType.STRING) @Column(name = "kind")
            NotificationKind kind)
            implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "in_app", nullable = false)
    private boolean inApp;

    @Column(nullable = false)
    private boolean browser;

    @Column(nullable = false)
    private boolean email;

    protected NotificationPreference() {}

    NotificationPreference(UUID userId, NotificationKind kind, boolean inApp, boolean browser, boolean email) {
        this.key = new Key(userId, kind);
        this.inApp = inApp;
        this.browser = browser;
        this.email = email;
    }

    static NotificationPreference defaults(UUID userId, NotificationKind kind) {
        return new NotificationPreference(userId, kind, kind.inApp, kind.browser, kind.email);
    }

    void change(boolean inApp, boolean browser, boolean email) {
        this.inApp = inApp;
        this.browser = browser;
        this.email = email;
    }

    public NotificationKind getKind() {
        return key.kind();
    }

    public boolean isInApp() {
        return inApp;
    }

    public boolean isBrowser() {
        return browser;
    }

    public boolean isEmail() {
        return email;
    }
}
