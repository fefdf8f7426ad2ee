package com.atalaya.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentPresenceTest {

    static final Duration GONE = Duration.ofSeconds(150);
    static final Duration AWAY = Duration.ofMinutes(5);
    final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void onlineWhileTheScreenReportsAndTheAgentIsActive() {
        AgentPresence p = new AgentPresence(UUID.randomUUID());
        p.choose(PresenceStatus.ONLINE, now.minusSeconds(30));
        assertThat(p.effective(now, GONE, AWAY)).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void awayAfterInactivityEvenWithTheScreenOpen() {
        AgentPresence p = new AgentPresence(UUID.randomUUID());
        p.choose(PresenceStatus.ONLINE, now.minus(Duration.ofMinutes(10)));
        p.heartbeat(false, now.minusSeconds(20));
        assertThat(p.effective(now, GONE, AWAY)).isEqualTo(PresenceStatus.AWAY);
    }

    @Test
    void offlineWhenNoScreenReportsAnyMore() {
        AgentPresence p = new AgentPresence(UUID.randomUUID());
        p.choose(PresenceStatus.ONLINE, now.minus(Duration.ofMinutes(3)));
        assertThat(p.effective(now, GONE, AWAY)).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void whatTheAgentChoseWinsOverActivity() {
        AgentPresence p = new AgentPresence(UUID.randomUUID());
        p.choose(PresenceStatus.AWAY, now);
        assertThat(p.effective(now, GONE, AWAY)).isEqualTo(PresenceStatus.AWAY);
        p.choose(PresenceStatus.OFFLINE, now);
        p.heartbeat(true, now);
        assertThat(p.effective(now, GONE, AWAY)).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void neverSeenIsOffline() {
        assertThat(new AgentPresence(UUID.randomUUID()).effective(now, GONE, AWAY))
                .isEqualTo(PresenceStatus.OFFLINE);
    }
}
