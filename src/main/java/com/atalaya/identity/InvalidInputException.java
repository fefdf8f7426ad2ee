package com.atalaya.identity;

/**
 * Input a person can correct. {@code messageKey} names an i18n message (with {@code args}) so the UI
 * shows it in the reader's language; the API answers it as a 400 problem detail.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public InvalidInputException(String field, String messageKey, String defaultMessage, Object... args) {
        super(defaultMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
