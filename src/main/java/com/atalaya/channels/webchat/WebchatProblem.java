package com.atalaya.channels.webchat;

import org.springframework.http.HttpStatus;

/**
 * Something a visitor's request cannot do, answered as a problem detail whose text comes from the
 * {@code webchat} bundle in the visitor's language.
 */
class WebchatProblem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final String field;
    private final long retryAfterSeconds;
    private final transient Object[] args;

    private WebchatProblem(
            HttpStatus status,
            String messageKey,
            String field,
            long retryAfterSeconds,
            String fallback,
            Object... args) {
        super(fallback);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.args = args;
    }

    static WebchatProblem invalid(String field, String messageKey, String fallback, Object... args) {
        return new WebchatProblem(HttpStatus.BAD_REQUEST, messageKey, field, 0, fallback, args);
    }

    static WebchatProblem unknownWidget() {
        return new WebchatProblem(
                HttpStatus.NOT_FOUND, "webchat.error.unknownWorkspace", null, 0, "This chat does not exist");
    }

    static WebchatProblem badToken() {
        return new WebchatProblem(
                HttpStatus.UNAUTHORIZED, "webchat.error.badToken", null, 0, "The chat session is not valid");
    }

    static WebchatProblem noOfflineChannel() {
        return new WebchatProblem(
                HttpStatus.CONFLICT,
                "webchat.error.noOfflineChannel",
                null,
                0,
                "This workspace has no e-mail or contact-form channel to take messages");
    }

    static WebchatProblem tooManyRequests(long retryAfterSeconds) {
        return new WebchatProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "webchat.error.rateLimited",
                null,
                retryAfterSeconds,
                "Too many requests; try again in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    String field() {
        return field;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Object[] args() {
        return args;
    }
}
