package com.atalaya.channels.webchat;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface Visitors extends JpaRepository<Visitor, UUID> {
    Optional<Visitor> findByTokenHash(String tokenHash);

    Optional<Visitor> findByIdAndConnectionId(UUID id, UUID connectionId);

    /** The visitor of this token on this widget, with their row lock until commit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Visitor> findByTokenHashAndConnectionId(String tokenHash, UUID connectionId);
}

interface Lines extends JpaRepository<Line, UUID> {
    List<Line> findTop500ByVisitorIdOrderByCreatedAtDesc(UUID visitorId);
}
