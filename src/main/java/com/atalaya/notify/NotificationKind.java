package com.atalaya.notify;

/** What a notification is about; each has its own default for in-app, browser and e-mail. */
public enum NotificationKind {
    NEW_CONVERSATION(true, true, true),
    NEW_MESSAGE(true, true, false),
    ASSIGNED(true, true, false);

    final boolean inApp;
    final boolean browser;
    final boolean email;

    NotificationKind(boolean inApp, boolean browser, boolean email) {
        this.inApp = inApp;
        this.browser = browser;
        this.email = email;
    }
}
