package com.atalaya.channels;

/**
 * One field of a channel connection's settings, from which the admin form is generated.
 * {@link Kind#SECRET} values are encrypted at rest and never shown again.
 */
public record SettingField(String name, Kind kind, boolean required, String defaultValue) {

    public enum Kind {
        TEXT,
        EMAIL,
        NUMBER,
        SECRET,
        CHOICE,
        CHECKBOX
    }
}
