package com.atalaya.inbox;

import com.atalaya.channels.IdentityKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Contacts extends JpaRepository<Contact, UUID> {
    Optional<Contact> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

    List<Contact> findByWorkspaceIdAndIdIn(UUID workspaceId, Collection<UUID> ids);

    @Query("""
            select c from Contact c where c.workspaceId = :workspaceId and c.mergedInto is null
            and (:q = '' or lower(c.name) like concat('%', :q, '%') or exists (
                select i from ContactIdentity i where i.contactId = c.id and lower(i.address) like concat('%', :q, '%')))
            order by c.createdAt desc""")
    Page<Contact> search(UUID workspaceId, String q, Pageable pageable);
}

interface ContactIdentities extends JpaRepository<ContactIdentity, UUID> {
    List<ContactIdentity> findByWorkspaceIdAndKindInAndAddressIn(
            UUID workspaceId, Collection<IdentityKind> kinds, Collection<String> addresses);

    List<ContactIdentity> findByWorkspaceIdAndContactId(UUID workspaceId, UUID contactId);

    List<ContactIdentity> findByWorkspaceIdAndContactIdIn(UUID workspaceId, Collection<UUID> contactIds);
}

interface Conversations extends JpaRepository<Conversation, UUID>, JpaSpecificationExecutor<Conversation> {
    Optional<Conversation> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

    Optional<Conversation> findByWorkspaceIdAndReferenceToken(UUID workspaceId, String referenceToken);

    /** The latest conversation of each (connection, thread key) pair among these. */
    @Query("""
            select c from Conversation c where c.workspaceId = :workspaceId and c.connectionId in :connectionIds
            and c.threadKey in :threadKeys and c.createdAt = (select max(o.createdAt) from Conversation o
                where o.connectionId = c.connectionId and o.threadKey = c.threadKey)""")
    List<Conversation> findLatestOfThreads(
            UUID workspaceId, Collection<UUID> connectionIds, Collection<String> threadKeys);

    List<Conversation> findByWorkspaceIdAndContactIdOrderByLastMessageAtDesc(UUID workspaceId, UUID contactId);

    /** Rows of [contact id, number of conversations] for the contacts among these that have any. */
    @Query("""
            select c.contactId, count(c) from Conversation c where c.workspaceId = :workspaceId
            and c.contactId in :contactIds group by c.contactId""")
    List<Object[]> countByContact(UUID workspaceId, Collection<UUID> contactIds);

    List<Conversation> findByStatusAndSnoozedUntilBefore(ConversationStatus status, java.time.Instant before);

    @org.springframework.data.jpa.repository.Modifying
    @Query(
            value = "update conversation_counters set last_number = last_number + 1 where workspace_id = :workspaceId",
            nativeQuery = true)
    int incrementCounter(UUID workspaceId);

    @Query(
            value = "select last_number from conversation_counters where workspace_id = :workspaceId",
            nativeQuery = true)
    long currentCounter(UUID workspaceId);

    @org.springframework.data.jpa.repository.Modifying
    @Query(
            value = "insert into conversation_counters (workspace_id, last_number) values (:workspaceId, 0)",
            nativeQuery = true)
    void createCounter(UUID workspaceId);

    /** The next conversation number of the workspace; holds the counter's row lock until commit. */
    default long nextNumber(UUID workspaceId) {
        if (incrementCounter(workspaceId) == 0) {
            throw new IllegalStateException("No conversation counter for workspace " + workspaceId);
        }
        return currentCounter(workspaceId);
    }

    long countByWorkspaceIdAndStatusIn(UUID workspaceId, Collection<ConversationStatus> statuses);
}

interface Messages extends JpaRepository<Message, UUID> {
    List<Message> findByWorkspaceIdAndConversationIdOrderByCreatedAtAsc(UUID workspaceId, UUID conversationId);

    Page<Message> findByWorkspaceIdAndConversationIdOrderByCreatedAtAsc(
            UUID workspaceId, UUID conversationId, Pageable pageable);

    Optional<Message> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

    Optional<Message> findFirstByWorkspaceIdAndProviderMessageIdIn(UUID workspaceId, Collection<String> providerIds);

    List<Message> findByWorkspaceIdAndProviderMessageIdIn(UUID workspaceId, Collection<String> providerMessageIds);
}

interface MessageAttachments extends JpaRepository<MessageAttachment, UUID> {
    List<MessageAttachment> findByMessageIdIn(Collection<UUID> messageIds);

    Optional<MessageAttachment> findByIdAndMessageId(UUID id, UUID messageId);
}
