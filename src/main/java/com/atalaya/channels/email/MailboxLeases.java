package com.atalaya.channels.email;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One reader per mailbox across nodes: a node reads a mailbox only while it holds its lease
 * ({@code mailbox_leases}), which it renews on every refresh and which lapses after
 * {@code atalaya.email.lease} when the node dies. Times are the database's, so the nodes' clocks
 * do not matter.
 */
@Repository
@Transactional
class MailboxLeases {

    private final JdbcClient jdbc;

    MailboxLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease; false while another node holds it and it has not lapsed. */
    boolean hold(UUID connectionId, UUID node, Duration lease) {
        if (take(connectionId, node, lease)) {
            return true;
        }
        return jdbc.sql(
                                "update mailbox_leases set node_id = ?, lease_until = current_timestamp + interval '"
                                        + seconds(lease)
                                        + "' second where connection_id = ? and (node_id = ? or lease_until < current_timestamp)")
                        .params(node, connectionId, node)
                        .update()
                == 1;
    }

    /** Takes the lease whoever holds it (the node where the mailbox was just saved reads it at once). */
    void takeOver(UUID connectionId, UUID node, Duration lease) {
        if (!take(connectionId, node, lease)) {
            jdbc.sql("update mailbox_leases set node_id = ?, lease_until = current_timestamp + interval '"
                            + seconds(lease) + "' second where connection_id = ?")
                    .params(node, connectionId)
                    .update();
        }
    }

    /** Lets go of every lease of this node (a clean shutdown): another node takes the mailboxes at once. */
    void releaseAll(UUID node) {
        jdbc.sql("delete from mailbox_leases where node_id = ?").param(node).update();
    }

    private boolean take(UUID connectionId, UUID node, Duration lease) {
        return jdbc.sql("insert into mailbox_leases (connection_id, node_id, lease_until) values (?, ?, "
                                + "current_timestamp + interval '" + seconds(lease)
                                + "' second) on conflict do nothing")
                        .params(connectionId, node)
                        .update()
                == 1;
    }

    /** A whole number of seconds from configuration, never from user input. */
    private static long seconds(Duration lease) {
        return Math.max(1, lease.toSeconds());
    }
}
