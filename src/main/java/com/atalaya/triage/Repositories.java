package com.atalaya.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageTriages extends JpaRepository<MessageTriage, UUID> {
    Optional<MessageTriage> findByMessageIdAndWorkspaceId(UUID messageId, UUID workspaceId);

    List<MessageTriage> findByWorkspaceIdAndMessageIdIn(UUID workspaceId, Collection<UUID> messageIds);

    List<MessageTriage> findByConversationIdAndWorkspaceIdOrderByCreatedAtDesc(UUID conversationId, UUID workspaceId);

    long countByWorkspaceIdAndContactIdAndSentimentAndCreatedAtAfter(
            UUID workspaceId, UUID contactId, String sentiment, Instant after);
}

interface TriageCorrections extends JpaRepository<TriageCorrection, UUID> {
    Optional<TriageCorrection> findByMessageIdAndKind(UUID messageId, String kind);

    List<TriageCorrection> findByWorkspaceIdOrderByCorrectedAtAsc(UUID workspaceId);

    long countByWorkspaceId(UUID workspaceId);

    long countByWorkspaceIdAndCorrectedAtAfter(UUID workspaceId, Instant after);
}

interface TriageModels extends JpaRepository<TriageModel, UUID> {
    Optional<TriageModel> findFirstByWorkspaceIdAndActiveTrueOrderByVersionDesc(UUID workspaceId);

    Optional<TriageModel> findFirstByWorkspaceIdOrderByVersionDesc(UUID workspaceId);

    List<TriageModel> findTop20ByWorkspaceIdOrderByVersionDesc(UUID workspaceId);
}
