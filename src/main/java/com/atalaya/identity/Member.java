package com.atalaya.identity;

import java.util.UUID;

/** A user acting inside one workspace with a role: what every workspace-scoped request works with. */
public record Member(WorkspaceView workspace, UUID userId, String email, String displayName, Role role) {

    public UUID workspaceId() {
        return workspace.id();
    }

    public String slug() {
        return workspace.slug();
    }
}
