package com.atalaya.channels.webchat;

import com.atalaya.identity.TextInput;
import java.util.UUID;

/**
 * Checks and normalizes what visitors type; every failure is a 400 the visitor can correct. Each
 * check is one pass over text already bounded by the request size limit, and lengths are checked
 * before anything else looks at the text.
 */
final class WebchatInput {

    static final int MAX_MESSAGE = 5000;
    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = TextInput.MAX_EMAIL;

    private WebchatInput() {}

    /** A message body: stripped, not empty, at most {@link #MAX_MESSAGE} characters, no control characters but newlines and tabs. */
    static String message(String field, String text) {
        String body = text == null
                ? ""
                : TextInput.withoutControlCharacters(text.replace("\r\n", "\n").replace('\r', '\n'))
                        .strip();
        if (body.isEmpty()) {
            throw WebchatProblem.invalid(field, "webchat.error.messageEmpty", "Write a message first");
        }
        if (body.codePointCount(0, body.length()) > MAX_MESSAGE) {
            throw WebchatProblem.invalid(
                    field, "webchat.error.messageTooLong", "At most " + MAX_MESSAGE + " characters", MAX_MESSAGE);
        }
        return body;
    }

    /** An optional name: {@code null} when blank. */
    static String name(String name) {
        String clean = name == null ? "" : TextInput.singleLine(TextInput.withoutControlCharacters(name));
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() > MAX_NAME) {
            throw WebchatProblem.invalid(
                    "name", "webchat.error.nameTooLong", "At most " + MAX_NAME + " characters", MAX_NAME);
        }
        return clean;
    }

    /** An optional e-mail address: {@code null} when blank, else it must look like one. */
    static String optionalEmail(String email) {
        String clean = email == null ? "" : email.strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() > MAX_EMAIL || !TextInput.isEmailAddress(clean)) {
            throw WebchatProblem.invalid("email", "webchat.error.emailInvalid", "Enter a valid e-mail address");
        }
        return clean;
    }

    static String requiredEmail(String email) {
        String clean = optionalEmail(email);
        if (clean == null) {
            throw WebchatProblem.invalid("email", "webchat.error.emailRequired", "Enter your e-mail address");
        }
        return clean;
    }

    /** A client-chosen id that makes a retried send idempotent; {@code null} when absent or not a UUID. */
    static UUID clientId(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
