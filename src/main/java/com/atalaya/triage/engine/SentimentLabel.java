package com.atalaya.triage.engine;

import java.util.Locale;

public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SentimentLabel fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
