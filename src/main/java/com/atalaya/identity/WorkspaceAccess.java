package com.atalaya.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one gate to a workspace: every workspace-scoped request resolves its {@link Member} here. */
@Service
@Transactional(readOnly = true)
public class WorkspaceAccess {

    private final Workspaces workspaces;
    private final Memberships memberships;
    private final UserAccounts users;

    WorkspaceAccess(Workspaces workspaces, Memberships memberships, UserAccounts users) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.users = users;
    }

    public Member require(AtalayaUser user, String slug) {
        if (!Slugs.isSlug(slug)) {
            throw new WorkspaceNotFoundException();
        }
        Workspace workspace = workspaces.findBySlug(slug).orElseThrow(WorkspaceNotFoundException::new);
        return member(user, workspace);
    }

    public Member require(AtalayaUser user, UUID workspaceId) {
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(WorkspaceNotFoundException::new);
        return member(user, workspace);
    }

    private Member member(AtalayaUser user, Workspace workspace) {
        if (user == null) {
            throw new WorkspaceNotFoundException();
        }
        Membership membership = memberships
                .findByWorkspaceIdAndUserId(workspace.getId(), user.id())
                .orElseThrow(WorkspaceNotFoundException::new);
        return new Member(workspace.view(), user.id(), user.email(), user.displayName(), membership.getRole());
    }

    public List<WorkspaceView> workspacesOf(UUID userId) {
        List<UUID> ids = memberships.findByUserId(userId).stream()
                .map(Membership::getWorkspaceId)
                .toList();
        return workspaces.findAllById(ids).stream()
                .map(Workspace::view)
                .sorted(java.util.Comparator.comparing(WorkspaceView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public boolean anyUserExists() {
        return users.count() > 0;
    }
}
