package com.atalaya.replies;

import java.util.List;

/** Something in a draft reply an agent should look at again: a message key and its arguments. */
public record ToneIssue(String key, List<String> args) {

    static ToneIssue of(String key, Object... args) {
        return new ToneIssue(
                key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
