package com.atalaya.triage;

import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.Reason;
import com.atalaya.triage.engine.SentimentLabel;
import com.atalaya.triage.engine.TrollVerdict;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What triage concluded about one inbound message, and the agent's correction if any. */
@Entity
@Table(name = "message_triage")
public class MessageTriage {

    private static final String SEPARATOR = "\n";

    @Id
    private UUID messageId;

    private UUID workspaceId;
    private UUID conversationId;
    private UUID contactId;
    private String channelType;
    private String language;
    private double languageConfidence;
    private String sentiment;
    private double sentimentScore;
    private String sentimentReasons;
    private boolean toxic;
    private double toxicityScore;
    private String toxicTerms;
    private String intent;
    private double intentConfidence;
    private String intentReasons;
    private String intentDecidedBy;
    private String trollVerdict;
    private String trollReasons;
    private int priorityScore;
    private int modelVersion;
    private String correctedSentiment;
    private String correctedIntent;
    private Instant createdAt;

    protected MessageTriage() {}

    MessageTriage(
            UUID messageId, UUID workspaceId, UUID conversationId, UUID contactId, String channelType, Triaged t) {
        this.messageId = messageId;
        this.workspaceId = workspaceId;
        this.conversationId = conversationId;
        this.contactId = contactId;
        this.channelType = channelType;
        this.language = t.language();
        this.languageConfidence = t.languageConfidence();
        this.sentiment = t.sentiment().code();
        this.sentimentScore = t.sentimentScore();
        this.sentimentReasons = join(t.sentimentReasons(), 1000);
        this.toxic = t.toxic();
        this.toxicityScore = t.toxicityScore();
        this.toxicTerms = join(t.toxicTerms(), 500);
        this.intent = t.intent().code();
        this.intentConfidence = t.intentConfidence();
        this.intentReasons = join(t.intentReasons(), 1000);
        this.intentDecidedBy = t.intentDecidedBy();
        this.trollVerdict = t.troll().code();
        this.trollReasons =
                join(t.trollReasons().stream().map(MessageTriage::encode).toList(), 1000);
        this.priorityScore = t.priorityScore();
        this.modelVersion = t.modelVersion();
        this.createdAt = Instant.now();
    }

    private static String join(List<String> parts, int max) {
        String joined = String.join(SEPARATOR, parts);
        return joined.length() <= max ? joined : joined.substring(0, max);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }

    private static String encode(Reason r) {
        return r.key() + (r.args().isEmpty() ? "" : "|" + String.join("|", r.args()));
    }

    private static Reason decode(String s) {
        String[] parts = s.split("\\|");
        return new Reason(parts[0], Arrays.asList(parts).subList(1, parts.length));
    }

    public UUID getMessageId() {
        return messageId;
    }

    public UUID getWorkspaceId() {
        return workspaceId;
    }

    public UUID getConversationId() {
        return conversationId;
    }

    public String getLanguage() {
        return language;
    }

    public double getLanguageConfidence() {
        return languageConfidence;
    }

    /** The agent's label if they corrected it, else triage's. */
    public SentimentLabel sentiment() {
        return SentimentLabel.fromCode(correctedSentiment != null ? correctedSentiment : sentiment);
    }

    public SentimentLabel predictedSentiment() {
        return SentimentLabel.fromCode(sentiment);
    }

    public boolean sentimentCorrected() {
        return correctedSentiment != null;
    }

    public double getSentimentScore() {
        return sentimentScore;
    }

    public List<String> sentimentReasons() {
        return split(sentimentReasons);
    }

    public boolean isToxic() {
        return toxic;
    }

    public double getToxicityScore() {
        return toxicityScore;
    }

    public List<String> toxicTerms() {
        return split(toxicTerms);
    }

    public Intent intent() {
        return Intent.fromCode(correctedIntent != null ? correctedIntent : intent);
    }

    public Intent predictedIntent() {
        return Intent.fromCode(intent);
    }

    public boolean intentCorrected() {
        return correctedIntent != null;
    }

    public double getIntentConfidence() {
        return intentConfidence;
    }

    public List<String> intentReasons() {
        return split(intentReasons);
    }

    public String getIntentDecidedBy() {
        return intentDecidedBy;
    }

    public TrollVerdict trollVerdict() {
        return TrollVerdict.valueOf(trollVerdict.toUpperCase(java.util.Locale.ROOT));
    }

    public List<Reason> trollReasons() {
        return split(trollReasons).stream().map(MessageTriage::decode).toList();
    }

    public int getPriorityScore() {
        return priorityScore;
    }

    public int getModelVersion() {
        return modelVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    TriageView view() {
        return new TriageView(messageId, getLanguage(), intent(), trollVerdict());
    }
}
