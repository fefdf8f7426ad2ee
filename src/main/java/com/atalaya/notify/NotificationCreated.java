package com.atalaya.notify;

import java.util.UUID;

/** A notification for one user; screens show it live, as a browser notification if {@code browser}. */
public record NotificationCreated(
        UUID workspaceId, UUID userId, UUID notificationId, String title, String body, String url, boolean browser) {}
