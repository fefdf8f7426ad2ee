package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.identity.TestWorkspaces;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two nodes and one mailbox: one reader at a time, handed over when its lease lapses or is let go. */
class MailboxLeasesIntegrationTest extends IntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private final UUID nodeA = UUID.randomUUID();
    private final UUID nodeB = UUID.randomUUID();

    @Autowired
    MailboxLeases leases;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelConnections connections;

    UUID mailbox;

    @BeforeEach
    void aConnection() {
        TestWorkspaces.Tenant shop = workspaces.create("Tienda con buzón");
        mailbox = connections.first(shop.id(), "webchat").orElseThrow().getId();
    }

    @Test
    void oneNodeHoldsTheMailboxUntilItLetsGo() {
        assertThat(leases.hold(mailbox, nodeA, LEASE)).isTrue();
        assertThat(leases.hold(mailbox, nodeB, LEASE))
                .as("another node while the lease runs")
                .isFalse();
        assertThat(leases.hold(mailbox, nodeA, LEASE)).as("the holder renews").isTrue();

        leases.releaseAll(nodeA);
        assertThat(leases.hold(mailbox, nodeB, LEASE))
                .as("after a clean shutdown of the holder")
                .isTrue();
        assertThat(leases.hold(mailbox, nodeA, LEASE)).isFalse();
    }

    @Test
    void aLapsedLeaseGoesToTheNextNodeThatAsks() {
        assertThat(leases.hold(mailbox, nodeA, Duration.ofSeconds(1))).isTrue();
        assertThat(leases.hold(mailbox, nodeB, LEASE))
                .as("while A's lease runs")
                .isFalse();
        // Node A died: it renews no more, and its lease lapses after a second.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> leases.hold(mailbox, nodeB, LEASE));
        assertThat(leases.hold(mailbox, nodeA, LEASE))
                .as("node A back: the mailbox is B's now")
                .isFalse();
    }

    @Test
    void theNodeWhereTheMailboxWasSavedTakesItOver() {
        assertThat(leases.hold(mailbox, nodeA, LEASE)).isTrue();
        leases.takeOver(mailbox, nodeB, LEASE);
        assertThat(leases.hold(mailbox, nodeA, LEASE))
                .as("A stops at its next refresh")
                .isFalse();
        assertThat(leases.hold(mailbox, nodeB, LEASE)).isTrue();
    }
}
