package com.atalaya.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Notifications extends JpaRepository<Notification, UUID> {
    Page<Notification> findByUserIdAndWorkspaceIdOrderByCreatedAtDesc(UUID userId, UUID workspaceId, Pageable pageable);

    List<Notification> findByWorkspaceIdAndMessageIdIn(UUID workspaceId, Collection<UUID> messageIds);

    long countByUserIdAndWorkspaceIdAndReadAtIsNull(UUID userId, UUID workspaceId);

    Optional<Notification> findByIdAndUserIdAndWorkspaceId(UUID id, UUID userId, UUID workspaceId);

    @Modifying
    @Query(
            "update Notification n set n.readAt = :at where n.userId = :userId and n.workspaceId = :workspaceId and n.readAt is null")
    int markAllRead(UUID userId, UUID workspaceId, Instant at);
}

interface NotificationPreferences extends JpaRepository<NotificationPreference, NotificationPreference.Key> {
    List<NotificationPreference> findByKeyUserId(UUID userId);
}
