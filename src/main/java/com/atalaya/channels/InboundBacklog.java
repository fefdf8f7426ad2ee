package com.atalaya.channels;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the instance operator sees of the message pipeline: the backlog and what is stuck in it. */
@Service
@Transactional(readOnly = true)
public class InboundBacklog {

    public record Summary(long waiting, long failing, long incompletePublications) {}

    public record StuckMessage(
            long seq,
            UUID workspaceId,
            String channelType,
            Instant receivedAt,
            int attempts,
            String lastError,
            Instant nextAttemptAt) {}

    private final InboundQueue queue;
    private final InboundPipeline pipeline;

    InboundBacklog(InboundQueue queue, InboundPipeline pipeline) {
        this.queue = queue;
        this.pipeline = pipeline;
    }

    public Summary summary() {
        return new Summary(queue.waiting(), queue.failing(), queue.incompletePublications());
    }

    public List<StuckMessage> stuck() {
        return queue.stuck(100);
    }

    /** Makes every failing message due now and wakes the lanes; returns how many. */
    @Transactional
    public int retryNow() {
        int due = queue.retryNow(Instant.now());
        pipeline.wakeAll();
        return due;
    }
}
