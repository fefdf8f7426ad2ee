package com.atalaya;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers domain events whose listener failed or never finished (a crash, a database hiccup),
 * a few at a time and with growing pauses per publication, so a backlog after a restart never
 * exhausts the connection pool. Publications left published, processing or resubmitted for too
 * long are first marked failed by Modulith's staleness monitor ({@code spring.modulith.events.staleness.*}).
 * Listeners are idempotent, so an event delivered twice has no second effect.
 */
@Component
class EventRetries {

    private static final Duration MAX_PAUSE = Duration.ofMinutes(30);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;

    EventRetries(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters) {
        this.failed = failed;
        this.jdbc = jdbc;
        Gauge.builder("atalaya.event.publications.incomplete", this, EventRetries::incomplete)
                .description("Event publications whose listener has not completed")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${atalaya.events.retry-every:30s}",
            initialDelayString = "${atalaya.events.retry-every:30s}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M")
    void resubmit() {
        Instant now = Instant.now();
        failed.resubmit(ResubmissionOptions.defaults()
                .withMaxInFlight(4)
                .withBatchSize(100)
                .withFilter(p -> due(p, now)));
    }

    /** 30 s after the first failure, then doubling up to 30 minutes. */
    static boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        Duration pause = Duration.ofSeconds(30L << Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 6));
        return !last.plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause).isAfter(now);
    }

    private double incomplete() {
        try {
            return jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
