package com.atalaya.triage;

import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.WorkspaceNotFoundException;
import com.atalaya.inbox.ConversationFacts;
import com.atalaya.triage.engine.TriageEngine;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One click of an agent: the right sentiment or intent of a message, kept as training data. */
@Service
@Transactional
public class CorrectingLabels {

    public static final List<String> KINDS = List.of("sentiment", "intent");

    private final MessageTriages triages;
    private final TriageCorrections corrections;
    private final ConversationFacts facts;
    private final ApplicationEventPublisher events;

    CorrectingLabels(
            MessageTriages triages,
            TriageCorrections corrections,
            ConversationFacts facts,
            ApplicationEventPublisher events) {
        this.triages = triages;
        this.corrections = corrections;
        this.facts = facts;
        this.events = events;
    }

    public MessageTriage correct(Member member, UUID messageId, String kind, String label) {
        if (!member.role().canWorkConversations()) {
            throw new NotPermittedException("Only agents, managers and admins correct labels");
        }
        List<String> allowed = switch (kind == null ? "" : kind) {
            case "sentiment" -> TriageEngine.SENTIMENT_LABELS;
            case "intent" -> TriageEngine.INTENT_LABELS;
            default -> throw new InvalidInputException("kind", "triage.badKind", "kind must be sentiment or intent");
        };
        if (label == null || !allowed.contains(label)) {
            throw new InvalidInputException(
                    "label", "triage.badLabel", "label must be one of " + allowed, String.join(", ", allowed));
        }
        MessageTriage triage = triages.findByMessageIdAndWorkspaceId(messageId, member.workspaceId())
                .orElseThrow(WorkspaceNotFoundException::new);
        String text = facts.inboundMessage(member.workspaceId(), messageId)
                .map(ConversationFacts.InboundText::text)
                .orElse("");
        String predicted = kind.equals("sentiment")
                ? triage.predictedSentiment().code()
                : triage.predictedIntent().code();
        TriageCorrection correction = corrections
                .findByWorkspaceIdAndMessageIdAndKind(member.workspaceId(), messageId, kind)
                .orElseGet(() -> new TriageCorrection(member.workspaceId(), messageId, kind, predicted, text));
        correction.set(label, member.userId());
        corrections.saveAndFlush(correction);
        if (kind.equals("sentiment")) {
            triages.correctSentiment(member.workspaceId(), messageId, label);
        } else {
            triages.correctIntent(member.workspaceId(), messageId, label);
        }
        events.publishEvent(new TriageLabelCorrected(member.workspaceId(), messageId, kind, label));
        return triages.findByMessageIdAndWorkspaceId(messageId, member.workspaceId())
                .orElseThrow();
    }
}
