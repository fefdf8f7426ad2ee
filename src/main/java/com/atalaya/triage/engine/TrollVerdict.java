package com.atalaya.triage.engine;

import java.util.Locale;

/** Seed 002: answer a legitimate complaint quickly; don't feed a troll. */
public enum TrollVerdict {
    /** Not negative: nothing to assess. */
    NONE,
    /** A real problem: answer quickly. */
    LEGITIMATE_COMPLAINT,
    /** Some troll signs: answer once, politely, and watch. */
    WATCH,
    /** Don't feed it: answer once politely or just monitor. Never answered automatically. */
    PROBABLE_TROLL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
