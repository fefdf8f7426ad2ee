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
    private boolean closesConnection;

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

    /** This client already holds as many open streams as one address may. */
    static WebchatProblem tooManyStreams(long retryAfterSeconds) {
        return new WebchatProblem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "webchat.error.tooManyStreams",
                        null,
                        retryAfterSeconds,
                        "Too many chats are open from your connection; try again in " + retryAfterSeconds + " s",
                        retryAfterSeconds)
                .closing();
    }

    /** This node holds as many visitor streams as it may, keeping the rest of its connections for agents. */
    static WebchatProblem streamsFull(long retryAfterSeconds) {
        return new WebchatProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "webchat.error.streamsFull",
                        null,
                        retryAfterSeconds,
                        "The chat has too many connections; try again in " + retryAfterSeconds + " s",
                        retryAfterSeconds)
                .closing();
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

    /** A refused stream: the answer closes the connection instead of leaving it idle in keep-alive. */
    private WebchatProblem closing() {
        closesConnection = true;
        return this;
    }

    boolean closesConnection() {
        return closesConnection;
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
