package com.atalaya.triage;

import com.atalaya.identity.Member;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what triage concluded, always within the caller's workspace. */
@Service
@Transactional(readOnly = true)
public class TriageInsights {

    /** The models page: the active version, the corrections so far and the last trainings. */
    public record Overview(
            int activeVersion,
            long corrections,
            int retrainAfter,
            List<TriageModelSummary> history,
            List<String> languages) {}

    private final MessageTriages triages;
    private final TriageCorrections corrections;
    private final TriageModels models;
    private final TriageSettings settings;

    TriageInsights(
            MessageTriages triages, TriageCorrections corrections, TriageModels models, TriageSettings settings) {
        this.triages = triages;
        this.corrections = corrections;
        this.models = models;
        this.settings = settings;
    }

    public Optional<MessageTriage> forMessage(Member member, UUID messageId) {
        return triages.findByMessageIdAndWorkspaceId(messageId, member.workspaceId());
    }

    /** The newest triaged inbound message of a conversation: what the customer wants now. */
    public Optional<TriageView> latestOfConversation(UUID workspaceId, UUID conversationId) {
        return triages.findByConversationIdAndWorkspaceIdOrderByCreatedAtDesc(conversationId, workspaceId).stream()
                .findFirst()
                .map(MessageTriage::view);
    }

    public Overview overview(Member member) {
        UUID ws = member.workspaceId();
        return new Overview(
                models.findFirstByWorkspaceIdAndActiveTrueOrderByVersionDesc(ws)
                        .map(TriageModel::getVersion)
                        .orElse(0),
                corrections.countByWorkspaceId(ws),
                settings.retrainAfterCorrections(),
                models.history(ws, org.springframework.data.domain.PageRequest.of(0, 20)),
                settings.languages());
    }
}
