package com.atalaya.channels;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Connections extends JpaRepository<ChannelConnection, UUID> {
    List<ChannelConnection> findByWorkspaceIdOrderByCreatedAt(UUID workspaceId);

    List<ChannelConnection> findByWorkspaceIdAndTypeOrderByCreatedAt(UUID workspaceId, String type);

    List<ChannelConnection> findByTypeAndEnabledTrue(String type);

    Optional<ChannelConnection> findByIdAndWorkspaceId(UUID id, UUID workspaceId);
}

interface InboundReceipts extends JpaRepository<InboundReceipt, UUID> {
    boolean existsByConnectionIdAndProviderMessageId(UUID connectionId, String providerMessageId);
}

interface StoredFiles extends JpaRepository<StoredFileRecord, UUID> {
    Optional<StoredFileRecord> findByIdAndWorkspaceId(UUID id, UUID workspaceId);
}

interface OutboundDeliveries extends JpaRepository<OutboundDelivery, UUID> {
    Optional<OutboundDelivery> findByMessageId(UUID messageId);

    List<OutboundDelivery> findTop50ByStatusAndNextAttemptAtBeforeOrderByNextAttemptAt(
            OutboundDelivery.Status status, java.time.Instant before);

    /** 1 when this caller now holds the pending delivery until {@code until}; 0 when done or held elsewhere. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("""
            update OutboundDelivery d set d.claimedUntil = :until, d.version = d.version + 1
            where d.messageId = :messageId and d.status = com.atalaya.channels.OutboundDelivery.Status.PENDING
            and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)""")
    int claim(UUID messageId, java.time.Instant now, java.time.Instant until);
}
