package com.atalaya.triage;

import java.time.Instant;

/** One training of a workspace's models as the settings page lists it, without the model bytes. */
public record TriageModelSummary(
        int version,
        Instant trainedAt,
        int examples,
        int corrections,
        int heldoutSize,
        double sentimentF1,
        double intentF1,
        boolean active,
        String outcome) {}
