package com.atalaya.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records sign-ins and every change of settings. Entries are never edited nor deleted. */
@Service
public class AuditLog {

    private final AuditEntries entries;

    AuditLog(AuditEntries entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID workspaceId, UUID actorId, String actorEmail, String action, String detail) {
        entries.save(new AuditEntry(workspaceId, actorId, actorEmail, action, detail, currentRemoteAddress()));
    }

    public void record(Member member, String action, String detail) {
        record(member.workspaceId(), member.userId(), member.email(), action, detail);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> page(UUID workspaceId, int page, int size) {
        return entries.findByWorkspaceIdOrderByOccurredAtDesc(workspaceId, Paging.of(page, size, 200));
    }

    private static String currentRemoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
