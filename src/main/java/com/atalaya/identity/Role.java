package com.atalaya.identity;

/** A user's role in one workspace. */
public enum Role {
    ADMIN,
    MANAGER,
    AGENT,
    ANALYST;

    public boolean canManageSettings() {
        return this == ADMIN;
    }

    public boolean canManageChannelsAndTeams() {
        return this == ADMIN || this == MANAGER;
    }

    public boolean canWorkConversations() {
        return this != ANALYST;
    }

    public boolean seesAllConversations() {
        return true;
    }
}
