package com.atalaya.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves accepted messages from the inbound queue to the inbox, in batches, one worker per lane.
 * Each batch is one transaction: the lane's lock, the entries, the synchronous
 * {@link InboundMessagesReceived} listeners (the inbox, and what the inbox's own event sets off),
 * and the deletion of the entries commit together, so after a crash an entry is either done or
 * still queued, never half done. A batch that fails is retried entry by entry; an entry that fails
 * alone waits with growing pauses and is shown as failing (metric, admin page) until it succeeds.
 */
@Component
class InboundPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private final InboundQueue queue;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final int lanes;
    private final int batchSize;
    private final Duration pollEvery;
    private final Semaphore[] wake;
    private final List<Thread> workers = new ArrayList<>();
    private final Counter received;
    private final Counter inboxed;
    private final Timer inboxLatency;
    private volatile boolean running;

    InboundPipeline(
            InboundQueue queue,
            ApplicationEventPublisher events,
            EntityManager entities,
            JsonMapper json,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            @Value("${atalaya.inbound.lanes:4}") int lanes,
            @Value("${atalaya.inbound.batch-size:200}") int batchSize,
            @Value("${atalaya.inbound.poll-every:1s}") Duration pollEvery) {
        if (lanes < 1 || lanes > 64 || batchSize < 1) {
            throw new IllegalArgumentException("atalaya.inbound.lanes must be 1 to 64 and batch-size at least 1");
        }
        this.queue = queue;
        this.events = events;
        this.entities = entities;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.lanes = lanes;
        this.batchSize = batchSize;
        this.pollEvery = pollEvery;
        this.wake = new Semaphore[lanes];
        for (int i = 0; i < lanes; i++) {
            wake[i] = new Semaphore(0);
        }
        this.received = Counter.builder("atalaya.inbound.messages.received")
                .description("Inbound messages accepted and acknowledged")
                .register(meters);
        this.inboxed = Counter.builder("atalaya.inbound.messages.inboxed")
                .description("Inbound messages appended to their conversation")
                .register(meters);
        this.inboxLatency = Timer.builder("atalaya.inbound.inbox.latency")
                .description("From acknowledgement until the message is in its conversation")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("atalaya.inbound.queue.waiting", queue, q -> safeCount(q::waiting))
                .description("Accepted inbound messages not yet in the inbox")
                .register(meters);
        Gauge.builder("atalaya.inbound.queue.failing", queue, q -> safeCount(q::failing))
                .description("Inbound messages that failed to reach the inbox at least once and wait for a retry")
                .register(meters);
    }

    int laneOf(java.util.UUID workspaceId, Party sender) {
        return ReceivingMessages.lane(workspaceId, sender, lanes);
    }

    /** Called after an acknowledging transaction committed: counts it and wakes its lane's worker. */
    void accepted(int lane) {
        received.increment();
        if (wake[lane].availablePermits() == 0) {
            wake[lane].release();
        }
    }

    void wakeAll() {
        for (int lane = 0; lane < lanes; lane++) {
            if (wake[lane].availablePermits() == 0) {
                wake[lane].release();
            }
        }
    }

    @Override
    public void start() {
        tx.executeWithoutResult(s -> queue.prepareLanes(lanes));
        running = true;
        for (int lane = 0; lane < lanes; lane++) {
            int mine = lane;
            workers.add(
                    Thread.ofPlatform().name("inbound-lane-" + lane).daemon().start(() -> work(mine)));
        }
    }

    @Override
    public void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work(int lane) {
        while (running) {
            int done;
            try {
                done = batch(lane);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Inbound lane {}: a batch failed, its entries are retried one by one: {}", lane, e.toString());
                done = oneByOne(lane);
            }
            if (done == 0 && !pause(lane)) {
                return;
            }
        }
    }

    /** Waits for new work or the poll interval; false when interrupted (stopping). */
    private boolean pause(int lane) {
        try {
            if (wake[lane].tryAcquire(pollEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                wake[lane].drainPermits();
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private int batch(int lane) {
        List<InboundQueue.Entry> done = tx.execute(s -> {
            if (!queue.lockLane(lane)) {
                return List.<InboundQueue.Entry>of();
            }
            flushOnlyWhenTold();
            List<InboundQueue.Entry> due = queue.due(lane, Instant.now(), batchSize);
            deliver(due);
            queue.remove(due.stream().map(InboundQueue.Entry::seq).toList());
            return due;
        });
        done(done);
        return done.size();
    }

    /** After a failed batch: each due entry in its own transaction, so one bad entry holds up no other. */
    private int oneByOne(int lane) {
        int attempted = 0;
        for (int i = 0; i < batchSize && running; i++) {
            InboundQueue.Entry[] current = new InboundQueue.Entry[1];
            try {
                List<InboundQueue.Entry> done = tx.execute(s -> {
                    if (!queue.lockLane(lane)) {
                        return List.<InboundQueue.Entry>of();
                    }
                    flushOnlyWhenTold();
                    List<InboundQueue.Entry> due = queue.due(lane, Instant.now(), 1);
                    if (!due.isEmpty()) {
                        current[0] = due.getFirst();
                        deliver(due);
                    }
                    queue.remove(due.stream().map(InboundQueue.Entry::seq).toList());
                    return due;
                });
                if (done.isEmpty()) {
                    return attempted;
                }
                done(done);
            } catch (RuntimeException e) {
                if (current[0] == null || !running) {
                    log.warn("Inbound lane {} could not be worked: {}", lane, e.toString());
                    return attempted;
                }
                fail(current[0], e);
            }
            attempted++;
        }
        return attempted;
    }

    /**
     * The listeners' queries do not flush first (checking every managed entity before each query
     * was a sixth of a lane's time): a listener works the whole batch at once, keeps what it
     * created for the batch in memory, and flushes when the next listener must read it.
     */
    private void flushOnlyWhenTold() {
        entities.setFlushMode(FlushModeType.COMMIT);
    }

    private void deliver(List<InboundQueue.Entry> due) {
        if (due.isEmpty()) {
            return;
        }
        List<InboundMessageReceived> batch = new ArrayList<>(due.size());
        for (InboundQueue.Entry entry : due) {
            InboundMessage message = json.readValue(entry.payload(), InboundMessage.class);
            batch.add(new InboundMessageReceived(
                    entry.workspaceId(), entry.connectionId(), entry.channelType(), message, entry.receivedAt()));
        }
        events.publishEvent(new InboundMessagesReceived(batch));
    }

    private void fail(InboundQueue.Entry entry, RuntimeException e) {
        Duration pause = Duration.ofSeconds(1L << Math.min(entry.attempts(), 9));
        Instant next = Instant.now().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
        String error = String.valueOf(e.getMessage());
        log.warn(
                "Inbound message {} of workspace {} could not reach the inbox (attempt {}), retried at {}: {}",
                entry.seq(),
                entry.workspaceId(),
                entry.attempts() + 1,
                next,
                e.toString());
        tx.executeWithoutResult(
                s -> queue.failed(entry.seq(), error.length() > 2000 ? error.substring(0, 2000) : error, next));
    }

    private void done(List<InboundQueue.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        inboxed.increment(entries.size());
        entries.forEach(e -> inboxLatency.record(Duration.between(e.receivedAt(), now)));
    }

    private static double safeCount(java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
