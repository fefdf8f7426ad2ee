package com.atalaya.channels.webchat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Visitors extends JpaRepository<Visitor, UUID> {
    Optional<Visitor> findByTokenHash(String tokenHash);

    Optional<Visitor> findByIdAndConnectionId(UUID id, UUID connectionId);

    /** Marks the visitor seen and takes their row lock until commit; 0 when the visitor is gone. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Visitor v set v.lastSeenAt = :at where v.id = :id")
    int touch(UUID id, Instant at);
}

interface Lines extends JpaRepository<Line, UUID> {
    List<Line> findTop500ByVisitorIdOrderByCreatedAtDesc(UUID visitorId);
}
