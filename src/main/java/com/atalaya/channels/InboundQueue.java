package com.atalaya.channels;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_receipts} and {@code inbound_queue} tables, in plain SQL: the acknowledging
 * insert and the lane worker's claim are the hottest statements of the application.
 */
@Repository
class InboundQueue {

    /** One accepted message waiting for the inbox. */
    record Entry(
            long seq,
            UUID receiptId,
            UUID workspaceId,
            UUID connectionId,
            String channelType,
            String payload,
            Instant receivedAt,
            int attempts) {}

    private final JdbcClient jdbc;

    InboundQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the receipt; false when this provider message was received before (nothing written). */
    boolean insertReceipt(UUID receiptId, UUID connectionId, String providerMessageId, Instant at) {
        return jdbc.sql("""
                        insert into inbound_receipts (id, connection_id, provider_message_id, received_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                        .params(receiptId, connectionId, providerMessageId, Timestamp.from(at))
                        .update()
                == 1;
    }

    void enqueue(UUID receiptId, ChannelConnection connection, int lane, String payload, Instant at) {
        jdbc.sql("""
                        insert into inbound_queue (receipt_id, workspace_id, connection_id, channel_type, lane,
                            payload, received_at, attempts, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        receiptId,
                        connection.getWorkspaceId(),
                        connection.getId(),
                        connection.getType(),
                        lane,
                        payload,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    boolean received(UUID connectionId, String providerMessageId) {
        return jdbc.sql("select count(*) from inbound_receipts where connection_id = ? and provider_message_id = ?")
                        .params(connectionId, providerMessageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Makes sure lanes {@code 0..lanes-1} exist and moves entries of lanes beyond them (a smaller setting). */
    void prepareLanes(int lanes) {
        for (int lane = 0; lane < lanes; lane++) {
            jdbc.sql("insert into inbound_lanes (lane) values (?) on conflict do nothing")
                    .param(lane)
                    .update();
        }
        jdbc.sql("update inbound_queue set lane = mod(lane, ?) where lane >= ?")
                .params(lanes, lanes)
                .update();
    }

    /**
     * Takes the lane's lock for this transaction; false when another node holds it. Whoever holds
     * it is the only one working the lane until commit, which keeps a sender's messages in order.
     */
    boolean lockLane(int lane) {
        return !jdbc.sql("select lane from inbound_lanes where lane = ? for update skip locked")
                .param(lane)
                .query(Integer.class)
                .list()
                .isEmpty();
    }

    List<Entry> due(int lane, Instant now, int limit) {
        return jdbc.sql("""
                        select seq, receipt_id, workspace_id, connection_id, channel_type, payload, received_at, attempts
                        from inbound_queue where lane = ? and next_attempt_at <= ? order by seq
                        limit ?""")
                .params(lane, Timestamp.from(now), limit)
                .query((rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8)))
                .list();
    }

    void remove(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.sql("delete from inbound_queue where seq in (:seqs)")
                    .param("seqs", seqs)
                    .update();
        }
    }

    void failed(long seq, String error, Instant nextAttempt) {
        jdbc.sql("update inbound_queue set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where seq = ?")
                .params(error, Timestamp.from(nextAttempt), seq)
                .update();
    }

    long waiting() {
        return jdbc.sql("select count(*) from inbound_queue").query(Long.class).single();
    }

    long incompletePublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    long failing() {
        return jdbc.sql("select count(*) from inbound_queue where attempts > 0")
                .query(Long.class)
                .single();
    }

    List<InboundBacklog.StuckMessage> stuck(int limit) {
        return jdbc.sql("""
                        select seq, workspace_id, channel_type, received_at, attempts, last_error, next_attempt_at
                        from inbound_queue where attempts > 0 order by seq limit ?""")
                .param(limit)
                .query((rs, i) -> new InboundBacklog.StuckMessage(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Makes every failing entry due now (an administrator's "retry now"). */
    int retryNow(Instant now) {
        return jdbc.sql("update inbound_queue set next_attempt_at = ? where attempts > 0")
                .param(Timestamp.from(now))
                .update();
    }
}
