package com.atalaya.triage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent's correction of one label of one message: a training example of the workspace. */
@Entity
@Table(name = "triage_corrections")
class TriageCorrection {

    @Id
    private UUID id;

    private UUID workspaceId;
    private UUID messageId;
    private String kind;
    private String predicted;
    private String corrected;
    private String text;
    private UUID correctedBy;
    private Instant correctedAt;

    protected TriageCorrection() {}

    TriageCorrection(UUID workspaceId, UUID messageId, String kind, String predicted, String text) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.messageId = messageId;
        this.kind = kind;
        this.predicted = predicted;
        this.text = text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    void set(String label, UUID by) {
        this.corrected = label;
        this.correctedBy = by;
        this.correctedAt = Instant.now();
    }

    UUID getMessageId() {
        return messageId;
    }

    String getKind() {
        return kind;
    }

    String getCorrected() {
        return corrected;
    }

    String getText() {
        return text;
    }

    Instant getCorrectedAt() {
        return correctedAt;
    }
}
