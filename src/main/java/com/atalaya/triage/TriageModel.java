package com.atalaya.triage;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One retraining of a workspace's models. Only an active row classifies; a rejected one keeps its
 * scores (and no model) so the settings page can say why it was not used.
 */
@Entity
@Table(name = "triage_models")
public class TriageModel {

    @Id
    private UUID id;

    private UUID workspaceId;
    private int version;
    private Instant trainedAt;
    private int examples;
    private int corrections;
    private int heldoutSize;
    private double sentimentF1;
    private double intentF1;
    private Double previousSentimentF1;
    private Double previousIntentF1;
    private boolean active;
    private String outcome;

    @Basic(fetch = FetchType.LAZY)
    private byte[] sentimentModel;

    @Basic(fetch = FetchType.LAZY)
    private byte[] intentModel;

    protected TriageModel() {}

    TriageModel(UUID workspaceId, int version, int examples, int corrections, int heldoutSize) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.version = version;
        this.trainedAt = Instant.now();
        this.examples = examples;
        this.corrections = corrections;
        this.heldoutSize = heldoutSize;
    }

    void scored(double sentimentF1, double intentF1, Double previousSentimentF1, Double previousIntentF1) {
        this.sentimentF1 = sentimentF1;
        this.intentF1 = intentF1;
        this.previousSentimentF1 = previousSentimentF1;
        this.previousIntentF1 = previousIntentF1;
    }

    void activate(byte[] sentiment, byte[] intent, String outcome) {
        this.sentimentModel = sentiment;
        this.intentModel = intent;
        this.active = true;
        this.outcome = outcome;
    }

    void reject(String outcome) {
        this.active = false;
        this.outcome = outcome;
    }

    void retire() {
        this.active = false;
    }

    public UUID getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public Instant getTrainedAt() {
        return trainedAt;
    }

    public int getExamples() {
        return examples;
    }

    public int getCorrections() {
        return corrections;
    }

    public int getHeldoutSize() {
        return heldoutSize;
    }

    public double getSentimentF1() {
        return sentimentF1;
    }

    public double getIntentF1() {
        return intentF1;
    }

    public Double getPreviousSentimentF1() {
        return previousSentimentF1;
    }

    public Double getPreviousIntentF1() {
        return previousIntentF1;
    }

    public boolean isActive() {
        return active;
    }

    public String getOutcome() {
        return outcome;
    }

    byte[] getSentimentModel() {
        return sentimentModel;
    }

    byte[] getIntentModel() {
        return intentModel;
    }
}
