package com.atalaya.triage;

import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.LinearModel;
import com.atalaya.triage.engine.PriorityScore;
import com.atalaya.triage.engine.Toxicity;
import com.atalaya.triage.engine.TriageEngine;
import com.atalaya.triage.engine.TrollAssessment;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Triages texts with the workspace's active models (or the shipped ones). The language models and
 * the shipped models load in the background at start, so the application starts at once; the first
 * triage waits for them. Thread-safe.
 */
@Service
@EnableConfigurationProperties(TriageSettings.class)
public class Triaging {

    /** Channels whose messages everyone can read: a bad answer there is seen by all. */
    static final Set<String> PUBLIC_CHANNELS = Set.of(
            "social",
            "x",
            "twitter",
            "mastodon",
            "bluesky",
            "facebook",
            "instagram",
            "tiktok",
            "youtube",
            "review",
            "reviews",
            "forum",
            "blog");

    record Loaded(TriageEngine engine, TriageEngine.Shipped shipped) {}

    /** Models of one workspace at one version (0: the shipped ones). */
    record Versioned(int version, TriageEngine.Models models) {}

    private final CompletableFuture<Loaded> loaded;
    private final TriageModels triageModels;
    private final Cache<UUID, Versioned> byWorkspace = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Triaging(TriageSettings settings, TriageModels triageModels) {
        this.triageModels = triageModels;
        this.loaded = CompletableFuture.supplyAsync(() -> load(settings.languages()));
    }

    private static Loaded load(List<String> languages) {
        TriageEngine engine = new TriageEngine(languages);
        return new Loaded(engine, engine.shipped());
    }

    Loaded loaded() {
        return loaded.join();
    }

    public TriageEngine engine() {
        return loaded().engine();
    }

    Versioned models(UUID workspaceId) {
        return byWorkspace.get(
                workspaceId,
                id -> triageModels
                        .findFirstByWorkspaceIdAndActiveTrueOrderByVersionDesc(id)
                        .map(m -> new Versioned(
                                m.getVersion(),
                                new TriageEngine.Models(
                                        LinearModel.fromBytes(m.getSentimentModel()),
                                        LinearModel.fromBytes(m.getIntentModel()))))
                        .orElseGet(() -> new Versioned(0, loaded().shipped().models())));
    }

    void forget(UUID workspaceId) {
        byWorkspace.invalidate(workspaceId);
    }

    /** The whole triage of a text as the workspace's models see it. */
    public Triaged triage(UUID workspaceId, String text, String channel, AuthorHistory author) {
        Versioned versioned = models(workspaceId);
        TriageEngine engine = engine();
        TriageEngine.Signals signals = engine.signals(text);
        TriageEngine.Outcome o = engine.decide(signals, versioned.models());
        boolean publicPost = isPublic(channel);
        TrollAssessment troll = TrollAssessment.of(o, TriageEngine.mentionsOrder(signals), author);
        PriorityScore priority = PriorityScore.of(o, troll, publicPost, author);
        return new Triaged(
                o.language().code(),
                o.language().confidence(),
                o.sentiment().label(),
                o.sentiment().score(),
                o.sentiment().cues(),
                o.toxicity().toxic(),
                o.toxicity().score(),
                o.toxicity().terms(),
                o.intent().intent(),
                o.intent().confidence(),
                o.intent().reasons(),
                o.intent().decidedBy(),
                troll.verdict(),
                troll.reasons(),
                priority.score(),
                Triaged.priorityOf(priority.score(), o.intent().intent()),
                priority.reasons(),
                versioned.version());
    }

    /** Insults in a text, whatever its language: for the tone check of agents' replies. */
    public Toxicity toxicity(String text) {
        return engine().toxicity(text);
    }

    public static boolean isPublic(String channel) {
        return channel != null && PUBLIC_CHANNELS.contains(channel.toLowerCase(Locale.ROOT));
    }
}
