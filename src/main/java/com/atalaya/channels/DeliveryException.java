package com.atalaya.channels;

/**
 * Sending or checking failed. {@code permanent} failures (bad address, missing setup) are not
 * retried. The message is English, for logs and the outbox; {@link #messageKey()} (with
 * {@link #args()}), when set, names the same reason in the i18n bundle, so that the settings form
 * can show it in the reader's language.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;
    private final String messageKey;
    private final transient Object[] args;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, cause, null);
    }

    public DeliveryException(String message, boolean permanent, Throwable cause, String messageKey, Object... args) {
        super(message, cause);
        this.permanent = permanent;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    public static DeliveryException temporary(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** The i18n key of the reason, or null when there is only the English message. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args;
    }
}
