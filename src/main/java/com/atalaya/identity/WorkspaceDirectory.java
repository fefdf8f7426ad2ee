package com.atalaya.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Read-only look-ups other modules need: workspaces by slug, members and their roles, teams. */
@Service
@Transactional(readOnly = true)
public class WorkspaceDirectory {

    public record MemberView(UUID userId, String email, String displayName, Role role) {}

    public record TeamView(UUID id, String name, java.util.Set<UUID> memberIds) {}

    private static final Object MEMO = new Object();

    private final Workspaces workspaces;
    private final Memberships memberships;
    private final UserAccounts users;
    private final Teams teams;

    WorkspaceDirectory(Workspaces workspaces, Memberships memberships, UserAccounts users, Teams teams) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.users = users;
        this.teams = teams;
    }

    public Optional<WorkspaceView> bySlug(String slug) {
        return Slugs.isSlug(slug) ? workspaces.findBySlug(slug).map(Workspace::view) : Optional.empty();
    }

    public Optional<WorkspaceView> byId(UUID id) {
        return workspaces.findById(id).map(Workspace::view);
    }

    /**
     * The members of a workspace. Within one transaction the answer is read once per workspace: the
     * inbound pipeline asks for every message of a batch.
     */
    public List<MemberView> members(UUID workspaceId) {
        return memo("members", workspaceId, () -> loadMembers(workspaceId));
    }

    private List<MemberView> loadMembers(UUID workspaceId) {
        List<Membership> ms = memberships.findByWorkspaceId(workspaceId);
        Map<UUID, UserAccount> byId = users
                .findAllById(ms.stream().map(Membership::getUserId).toList())
                .stream()
                .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        return ms.stream()
                .filter(m -> byId.containsKey(m.getUserId()))
                .map(m -> {
                    UserAccount u = byId.get(m.getUserId());
                    return new MemberView(u.getId(), u.getEmail(), u.getDisplayName(), m.getRole());
                })
                .sorted(java.util.Comparator.comparing(MemberView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public Optional<MemberView> member(UUID workspaceId, UUID userId) {
        return memberships
                .findByWorkspaceIdAndUserId(workspaceId, userId)
                .flatMap(m -> users.findById(userId)
                        .map(u -> new MemberView(u.getId(), u.getEmail(), u.getDisplayName(), m.getRole())));
    }

    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        return users.findAllById(userIds).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName));
    }

    public List<TeamView> teams(UUID workspaceId) {
        return teams.findByWorkspaceIdOrderByName(workspaceId).stream()
                .map(Team::view)
                .toList();
    }

    public Optional<TeamView> team(UUID workspaceId, UUID teamId) {
        return teams.findByIdAndWorkspaceId(teamId, workspaceId).map(Team::view);
    }

    public Optional<String> preferredLocale(UUID userId) {
        return memo("locale", userId, () -> users.findById(userId).map(UserAccount::getLocale));
    }

    /** A value read once per transaction and key (and each time outside a transaction). */
    @SuppressWarnings("unchecked")
    private static <T> T memo(String what, Object key, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<String, Object> values = (Map<String, Object>) TransactionSynchronizationManager.getResource(MEMO);
        if (values == null) {
            Map<String, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(MEMO, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MEMO);
                }
            });
            values = created;
        }
        String memoKey = what + "/" + key;
        T value = (T) values.get(memoKey);
        if (value == null) {
            value = load.get();
            values.put(memoKey, value);
        }
        return value;
    }
}
