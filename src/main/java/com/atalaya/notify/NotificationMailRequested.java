package com.atalaya.notify;

import java.util.UUID;

/** A new conversation arrived while nobody was online: tell this user by e-mail. */
record NotificationMailRequested(
        UUID workspaceId, UUID messageId, UUID userId, String title, String preview, String url) {}
