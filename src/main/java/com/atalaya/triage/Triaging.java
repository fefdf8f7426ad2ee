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
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Triages texts with the workspace's active models (or the shipped ones). The word lists and the
 * shipped models (trained from the shipped examples, some 2 s of CPU) load in the background once
 * the application is ready, so they take no CPU from the start on a small machine; the first triage
 * waits for them, and starts the load itself if it comes earlier. Thread-safe.
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

    private final List<String> languages;
    private final CompletableFuture<Loaded> loaded = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final TriageModels triageModels;
    private final Cache<UUID, Versioned> byWorkspace = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Triaging(TriageSettings settings, TriageModels triageModels) {
        this.triageModels = triageModels;
        this.languages = settings.languages();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("triage-load").daemon().start(() -> {
                load();
                // The last of the start's work: one full collection lets G1 give back to the system
                // the heap the start grew into and no longer needs (some 200 MB of idle RSS).
                System.gc();
            });
        }
    }

    private void load() {
        try {
            TriageEngine engine = new TriageEngine(languages);
            loaded.complete(new Loaded(engine, engine.shipped()));
        } catch (RuntimeException | Error e) {
            loaded.completeExceptionally(e);
        }
    }

    Loaded loaded() {
        if (loading.compareAndSet(false, true)) {
            load();
        }
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
