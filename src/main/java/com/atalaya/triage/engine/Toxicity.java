package com.atalaya.triage.engine;

import java.util.List;

/**
 * Whether a text insults or threatens, with a score in [0, 1] and the terms found (as written,
 * so an agent sees "1d10t4" and why it counted).
 */
public record Toxicity(boolean toxic, double score, List<String> terms, boolean addressedToReader) {}
