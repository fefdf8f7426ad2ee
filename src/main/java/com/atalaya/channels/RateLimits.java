package com.atalaya.channels;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Token buckets per key (an IP address plus what is limited) for public endpoints: {@code capacity}
 * requests refilled evenly over {@code period}. In memory per node. Thread-safe.
 */
public final class RateLimits {

    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final Duration period;

    public RateLimits(long capacity, Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
    }

    /** Takes one token: empty when allowed, otherwise the whole seconds to wait (at least 1). */
    public OptionalLong tryTake(String key) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, period)
                                .build())
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? OptionalLong.empty()
                : OptionalLong.of(Math.max(
                        1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }
}
