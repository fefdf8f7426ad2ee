package com.atalaya.channels;

/**
 * One field of a channel connection's settings, from which the admin form is generated.
 * {@link Kind#SECRET} values are encrypted at rest and never shown again. {@link Kind#MULTILINE}
 * is text of several lines (a pasted certificate, for instance), up to {@link #MAX_MULTILINE}
 * characters; the other kinds take up to {@link #MAX_LENGTH}.
 */
public record SettingField(String name, Kind kind, boolean required, String defaultValue) {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_MULTILINE = 10_000;

    public enum Kind {
        TEXT,
        EMAIL,
        NUMBER,
        SECRET,
        CHOICE,
        CHECKBOX,
        MULTILINE
    }

    public int maxLength() {
        return kind == Kind.MULTILINE ? MAX_MULTILINE : MAX_LENGTH;
    }
}
