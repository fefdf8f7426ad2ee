package com.atalaya.identity;

import java.util.UUID;

/** A workspace as other modules see it: what it is called and where it is. */
public record WorkspaceView(UUID id, String slug, String name) {}
