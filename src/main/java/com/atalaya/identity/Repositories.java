package com.atalaya.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Workspaces extends JpaRepository<Workspace, UUID> {
    Optional<Workspace> findBySlug(String slug);

    boolean existsBySlug(String slug);
}

interface UserAccounts extends JpaRepository<UserAccount, UUID> {
    Optional<UserAccount> findByEmail(String email);
}

interface Memberships extends JpaRepository<Membership, UUID> {
    Optional<Membership> findByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

    List<Membership> findByUserId(UUID userId);

    List<Membership> findByWorkspaceId(UUID workspaceId);

    long countByWorkspaceIdAndRole(UUID workspaceId, Role role);
}

interface Teams extends JpaRepository<Team, UUID> {
    List<Team> findByWorkspaceIdOrderByName(UUID workspaceId);

    Optional<Team> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

    boolean existsByWorkspaceIdAndNameIgnoreCase(UUID workspaceId, String name);
}

interface ApiTokens extends JpaRepository<ApiToken, UUID> {
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    Optional<ApiToken> findByIdAndUserId(UUID id, UUID userId);
}

interface AuditEntries extends JpaRepository<AuditEntry, UUID> {
    Page<AuditEntry> findByWorkspaceIdOrderByOccurredAtDesc(UUID workspaceId, Pageable pageable);
}
