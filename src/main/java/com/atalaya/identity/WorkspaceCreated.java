package com.atalaya.identity;

import java.util.UUID;

/** A new workspace exists; modules set up its defaults (e.g. the chat widget and contact form). */
public record WorkspaceCreated(UUID workspaceId, String slug, String name) {}
