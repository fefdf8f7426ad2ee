package com.atalaya.channels.webchat;

import com.atalaya.channels.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per client IP and widget: how many chat sessions may be opened, chat messages sent and offline
 * messages left. Exceeding one answers 429 with Retry-After.
 */
@Component
class WebchatRateLimits {

    enum Action {
        SESSION,
        MESSAGE,
        OFFLINE_MESSAGE
    }

    private final RateLimits sessions;
    private final RateLimits messages;
    private final RateLimits offlineMessages;

    WebchatRateLimits(
            @Value("${atalaya.webchat.limits.sessions:20}") long sessions,
            @Value("${atalaya.webchat.limits.sessions-period:10m}") Duration sessionsPeriod,
            @Value("${atalaya.webchat.limits.messages:30}") long messages,
            @Value("${atalaya.webchat.limits.messages-period:1m}") Duration messagesPeriod,
            @Value("${atalaya.webchat.limits.offline-messages:5}") long offlineMessages,
            @Value("${atalaya.webchat.limits.offline-messages-period:10m}") Duration offlinePeriod) {
        this.sessions = new RateLimits(sessions, sessionsPeriod);
        this.messages = new RateLimits(messages, messagesPeriod);
        this.offlineMessages = new RateLimits(offlineMessages, offlinePeriod);
    }

    /** Counts one request; throws a 429 problem when the client is over the limit. */
    void take(Action action, String clientIp, String slug) {
        RateLimits buckets = switch (action) {
            case SESSION -> sessions;
            case MESSAGE -> messages;
            case OFFLINE_MESSAGE -> offlineMessages;
        };
        buckets.tryTake(clientIp + "|" + slug).ifPresent(wait -> {
            throw WebchatProblem.tooManyRequests(wait);
        });
    }
}
