package com.atalaya.replies;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CannedReplies extends JpaRepository<CannedReply, UUID> {
    List<CannedReply> findByWorkspaceIdOrderByLanguageAscIntentAscNameAsc(UUID workspaceId);

    List<CannedReply> findByWorkspaceIdAndLanguage(UUID workspaceId, String language);

    Optional<CannedReply> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

    boolean existsByWorkspaceId(UUID workspaceId);
}
