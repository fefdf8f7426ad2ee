package com.atalaya.triage.engine;

import java.util.List;

/** A sentiment label with a score in [-1, 1] (negative to positive) and the cues that decided it. */
public record Sentiment(SentimentLabel label, double score, List<String> cues) {}
