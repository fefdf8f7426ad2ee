package com.atalaya;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers domain events whose listener failed (a crash, a database hiccup). Listeners are
 * idempotent, so an event delivered twice has no second effect.
 */
@Component
class EventRetries {

    private final IncompleteEventPublications incomplete;

    EventRetries(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(
            fixedDelayString = "${atalaya.events.retry-every:60s}",
            initialDelayString = "${atalaya.events.retry-every:60s}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(2));
    }
}
