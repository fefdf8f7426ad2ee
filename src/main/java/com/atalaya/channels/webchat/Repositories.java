package com.atalaya.channels.webchat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Visitors extends JpaRepository<Visitor, UUID> {
    Optional<Visitor> findByTokenHash(String tokenHash);

    Optional<Visitor> findByIdAndConnectionId(UUID id, UUID connectionId);
}

interface Lines extends JpaRepository<Line, UUID> {
    List<Line> findTop500ByVisitorIdOrderByCreatedAtDesc(UUID visitorId);
}
