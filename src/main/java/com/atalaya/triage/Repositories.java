package com.atalaya.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessageTriages extends JpaRepository<MessageTriage, UUID> {
    Optional<MessageTriage> findByMessageIdAndWorkspaceId(UUID messageId, UUID workspaceId);

    List<MessageTriage> findByWorkspaceIdAndMessageIdIn(UUID workspaceId, Collection<UUID> messageIds);

    List<MessageTriage> findByConversationIdAndWorkspaceIdOrderByCreatedAtDesc(UUID conversationId, UUID workspaceId);

    /** Rows of [contact id, count] for the contacts among these with such triages since then. */
    @Query("""
            select t.contactId, count(t) from MessageTriage t where t.workspaceId = :workspaceId
            and t.contactId in :contactIds and t.sentiment = :sentiment and t.createdAt > :after
            group by t.contactId""")
    List<Object[]> countByContact(UUID workspaceId, Collection<UUID> contactIds, String sentiment, Instant after);

    /** Only the one column: a correction of the intent at the same moment is not overwritten. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update MessageTriage t set t.correctedSentiment = :label"
            + " where t.messageId = :messageId and t.workspaceId = :workspaceId")
    int correctSentiment(UUID workspaceId, UUID messageId, String label);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update MessageTriage t set t.correctedIntent = :label"
            + " where t.messageId = :messageId and t.workspaceId = :workspaceId")
    int correctIntent(UUID workspaceId, UUID messageId, String label);
}

interface TriageCorrections extends JpaRepository<TriageCorrection, UUID> {
    Optional<TriageCorrection> findByWorkspaceIdAndMessageIdAndKind(UUID workspaceId, UUID messageId, String kind);

    List<TriageCorrection> findByWorkspaceIdOrderByCorrectedAtAsc(UUID workspaceId);

    long countByWorkspaceId(UUID workspaceId);

    long countByWorkspaceIdAndCorrectedAtAfter(UUID workspaceId, Instant after);
}

interface TriageModels extends JpaRepository<TriageModel, UUID> {
    Optional<TriageModel> findFirstByWorkspaceIdAndActiveTrueOrderByVersionDesc(UUID workspaceId);

    Optional<TriageModel> findFirstByWorkspaceIdOrderByVersionDesc(UUID workspaceId);

    List<TriageModel> findTop20ByWorkspaceIdOrderByVersionDesc(UUID workspaceId);

    @Query("""
            select new com.atalaya.triage.TriageModelSummary(m.version, m.trainedAt, m.examples, m.corrections,
                m.heldoutSize, m.sentimentF1, m.intentF1, m.active, m.outcome)
            from TriageModel m where m.workspaceId = :workspaceId order by m.version desc""")
    List<TriageModelSummary> history(UUID workspaceId, org.springframework.data.domain.Pageable page);
}
