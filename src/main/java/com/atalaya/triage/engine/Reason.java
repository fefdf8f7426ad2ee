package com.atalaya.triage.engine;

import java.util.List;

/** One reason for a verdict: a message key of the {@code triage} bundle and its arguments. */
public record Reason(String key, List<String> args) {

    public static Reason of(String key, Object... args) {
        return new Reason(
                key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
