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
}
