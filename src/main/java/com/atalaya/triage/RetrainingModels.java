package com.atalaya.triage;

import com.atalaya.triage.engine.Scores;
import com.atalaya.triage.engine.TriageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retrains a workspace's models on the shipped examples plus its agents' corrections: in the
 * background after enough new corrections, or at once when a manager asks. Every run gets a new version; the new models become active only if they score at
 * least as well as the active ones on the held-out examples (every tenth shipped example and every
 * fifth correction, never trained on), so a bad batch of corrections cannot make triage worse.
 */
@Service
public class RetrainingModels {

    private static final Logger log = LoggerFactory.getLogger(RetrainingModels.class);

    /** Corrections count this many times as much as a shipped example: they are the workspace's own. */
    static final double CORRECTION_WEIGHT = 3;

    static final int HOLD_OUT_EVERY = 5;

    private final Triaging triaging;
    private final TriageCorrections corrections;
    private final TriageModels models;
    private final TriageSettings settings;
    private final TransactionTemplate transaction;
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

    RetrainingModels(
            Triaging triaging,
            TriageCorrections corrections,
            TriageModels models,
            TriageSettings settings,
            PlatformTransactionManager transactions) {
        this.triaging = triaging;
        this.corrections = corrections;
        this.models = models;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(TriageLabelCorrected event) {
        synchronized (lockOf(event.workspaceId())) {
            if (newCorrections(event.workspaceId()) >= settings.retrainAfterCorrections()) {
                retrain(event.workspaceId());
            }
        }
    }

    private long newCorrections(UUID workspaceId) {
        return models.findFirstByWorkspaceIdOrderByVersionDesc(workspaceId)
                .map(m -> corrections.countByWorkspaceIdAndCorrectedAtAfter(workspaceId, m.getTrainedAt()))
                .orElseGet(() -> corrections.countByWorkspaceId(workspaceId));
    }

    private Object lockOf(UUID workspaceId) {
        return locks.computeIfAbsent(workspaceId, id -> new Object());
    }

    /**
     * Trains, scores and keeps or rejects new models, and returns the version it recorded. One
     * workspace retrains one at a time (on one node; across nodes the unique version rejects the
     * second, whose event is retried), and it commits before the next may start.
     */
    public TriageModel retrain(UUID workspaceId) {
        synchronized (lockOf(workspaceId)) {
            TriageModel model = transaction.execute(status -> train(workspaceId));
            triaging.forget(workspaceId);
            log.info("Workspace {} triage models v{}: {}", workspaceId, model.getVersion(), model.getOutcome());
            return model;
        }
    }

    private TriageModel train(UUID workspaceId) {
        Triaging.Loaded base = triaging.loaded();
        TriageEngine engine = base.engine();
        List<TriageCorrection> all = corrections.findByWorkspaceIdOrderByCorrectedAtAsc(workspaceId);
        List<TriageEngine.Training> train = new ArrayList<>(base.shipped().train());
        List<TriageEngine.Training> heldOut = new ArrayList<>(base.shipped().heldOut());
        for (TriageCorrection c : all) {
            TriageEngine.Training row = new TriageEngine.Training(
                    engine.signals(c.getText()),
                    c.getKind().equals("sentiment") ? c.getCorrected() : null,
                    c.getKind().equals("intent") ? c.getCorrected() : null,
                    CORRECTION_WEIGHT);
            boolean holdOut = Math.floorMod(c.getMessageId().hashCode(), HOLD_OUT_EVERY) == 0;
            (holdOut ? heldOut : train).add(row);
        }
        TriageEngine.Models candidate = engine.train(train);
        Triaging.Versioned active = triaging.models(workspaceId);
        double[] next = score(engine, candidate, heldOut);
        double[] now = score(engine, active.models(), heldOut);
        int version = models.findFirstByWorkspaceIdOrderByVersionDesc(workspaceId)
                        .map(TriageModel::getVersion)
                        .orElse(0)
                + 1;
        TriageModel model = new TriageModel(workspaceId, version, train.size(), all.size(), heldOut.size());
        model.scored(next[0], next[1], now[0], now[1]);
        String figures = String.format(
                Locale.ROOT,
                "held-out macro-F1 sentiment %.3f (was %.3f), intent %.3f (was %.3f)",
                next[0],
                now[0],
                next[1],
                now[1]);
        if (next[0] + next[1] >= now[0] + now[1]) {
            models.findFirstByWorkspaceIdAndActiveTrueOrderByVersionDesc(workspaceId)
                    .ifPresent(TriageModel::retire);
            model.activate(candidate.sentiment().toBytes(), candidate.intent().toBytes(), "active: " + figures);
        } else {
            model.reject("kept version " + active.version() + ": " + figures);
        }
        return models.save(model);
    }

    private static double[] score(TriageEngine engine, TriageEngine.Models m, List<TriageEngine.Training> rows) {
        Scores sentiment = new Scores();
        Scores intent = new Scores();
        for (TriageEngine.Training row : rows) {
            TriageEngine.Outcome o = engine.decide(row.signals(), m);
            if (row.sentiment() != null) {
                sentiment.add(row.sentiment(), o.sentiment().label().code());
            }
            if (row.intent() != null) {
                intent.add(row.intent(), o.intent().intent().code());
            }
        }
        return new double[] {sentiment.macroF1(), intent.macroF1()};
    }
}
