package com.atalaya.channels.webchat;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces.Tenant;
import com.atalaya.service.Presence;
import com.atalaya.service.PresenceStatus;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Set-ups the widget's tests share. */
final class WebchatFixtures {

    private WebchatFixtures() {}

    /** The tenant's admin is online with a live screen, so the widget offers chat. */
    static void agentOnline(Presence presence, Tenant tenant) {
        presence.choose(tenant.admin().id(), PresenceStatus.ONLINE);
        presence.heartbeat(tenant.admin().id(), true);
    }

    /** The e-mail or contact-form connection a left message goes to, created when the workspace has none. */
    static ChannelConnection ensureOfflineChannel(ChannelConnections connections, JdbcTemplate jdbc, Tenant tenant) {
        return connections
                .first(tenant.id(), "email")
                .or(() -> connections.first(tenant.id(), "contact-form"))
                .orElseGet(() -> insertConnection(connections, jdbc, tenant, "contact-form"));
    }

    /**
     * Inserts a connection row directly: the e-mail and contact-form adapters are other channels'
     * business, and only their connection rows matter to the widget.
     */
    static ChannelConnection insertConnection(
            ChannelConnections connections, JdbcTemplate jdbc, Tenant tenant, String type) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into channel_connections (id, workspace_id, type, name, settings, enabled, created_at)"
                        + " values (?, ?, ?, ?, '{}', true, current_timestamp)",
                id,
                tenant.id(),
                type,
                type);
        return connections.find(tenant.id(), id).orElseThrow();
    }
}
