package com.atalaya.channels;

import com.atalaya.identity.TestWorkspaces.Tenant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Set-ups the pipeline's tests share. */
public final class PipelineFixtures {

    private PipelineFixtures() {}

    /** Queues a message the inbox cannot read, as a corrupted row would be, on the tenant's chat widget. */
    public static void queueUnreadableMessage(JdbcTemplate jdbc, Tenant tenant) {
        UUID receipt = UUID.randomUUID();
        UUID connection = jdbc.queryForObject(
                "select id from channel_connections where workspace_id = ? and type = 'webchat'",
                UUID.class,
                tenant.id());
        jdbc.update(
                "insert into inbound_receipts (id, connection_id, provider_message_id, received_at)"
                        + " values (?, ?, ?, current_timestamp)",
                receipt,
                connection,
                "broken-" + receipt);
        jdbc.update(
                "insert into inbound_queue (receipt_id, workspace_id, connection_id, channel_type, lane, payload,"
                        + " received_at, attempts, next_attempt_at) values (?, ?, ?, 'webchat', 0, '{not json',"
                        + " current_timestamp, 0, current_timestamp)",
                receipt,
                tenant.id(),
                connection);
    }
}
