package com.atalaya.channels;

/** Sending failed. {@code permanent} failures (bad address, missing setup) are not retried. */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
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
}
