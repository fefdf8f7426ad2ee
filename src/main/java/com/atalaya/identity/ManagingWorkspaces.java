package com.atalaya.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating workspaces, the first administrator, members and teams; every change is audited. */
@Service
@Transactional
public class ManagingWorkspaces {

    static final int MIN_PASSWORD = 10;

    private final Workspaces workspaces;
    private final UserAccounts users;
    private final Memberships memberships;
    private final Teams teams;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    ManagingWorkspaces(
            Workspaces workspaces,
            UserAccounts users,
            Memberships memberships,
            Teams teams,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            AuditLog audit) {
        this.workspaces = workspaces;
        this.users = users;
        this.memberships = memberships;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.audit = audit;
    }

    /** Creates the first administrator and workspace; refuses once any user exists. */
    public synchronized WorkspaceView setUp(String email, String displayName, String password, String workspaceName) {
        if (users.count() > 0) {
            throw new InvalidInputException(null, "setup.done", "Atalaya is already set up");
        }
        UserAccount admin = newUser(email, displayName, password);
        WorkspaceView workspace = createWorkspace(workspaceName, admin.getId());
        audit.record(workspace.id(), admin.getId(), admin.getEmail(), "setup", "First administrator created");
        return workspace;
    }

    public WorkspaceView createWorkspace(String name, UUID ownerId) {
        String trimmed = requireText("name", name, 120);
        String base = Slugs.slugify(trimmed);
        String slug = base;
        for (int i = 2; workspaces.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        Workspace workspace = workspaces.save(new Workspace(slug, trimmed));
        memberships.save(new Membership(workspace.getId(), ownerId, Role.ADMIN));
        users.findById(ownerId)
                .ifPresent(owner -> audit.record(
                        workspace.getId(), ownerId, owner.getEmail(), "workspace.created", workspace.getName()));
        events.publishEvent(new WorkspaceCreated(workspace.getId(), workspace.getSlug(), workspace.getName()));
        return workspace.view();
    }

    public void renameWorkspace(Member actor, String name) {
        requireAdmin(actor);
        Workspace workspace = workspaces.findById(actor.workspaceId()).orElseThrow(WorkspaceNotFoundException::new);
        String trimmed = requireText("name", name, 120);
        audit.record(actor, "workspace.renamed", workspace.getName() + " → " + trimmed);
        workspace.rename(trimmed);
    }

    /** Adds a member; a new e-mail address gets an account with the given initial password. */
    public void addMember(Member actor, String email, String displayName, String password, Role role) {
        requireAdmin(actor);
        String normalized = requireEmail(email);
        UserAccount user = users.findByEmail(normalized).orElseGet(() -> newUser(normalized, displayName, password));
        if (memberships
                .findByWorkspaceIdAndUserId(actor.workspaceId(), user.getId())
                .isPresent()) {
            throw new InvalidInputException("email", "members.already", "This person is already a member");
        }
        memberships.save(new Membership(actor.workspaceId(), user.getId(), role));
        audit.record(actor, "member.added", normalized + " as " + role);
    }

    public void changeRole(Member actor, UUID userId, Role role) {
        requireAdmin(actor);
        Membership membership = memberships
                .findByWorkspaceIdAndUserId(actor.workspaceId(), userId)
                .orElseThrow(WorkspaceNotFoundException::new);
        if (membership.getRole() == Role.ADMIN
                && role != Role.ADMIN
                && memberships.countByWorkspaceIdAndRole(actor.workspaceId(), Role.ADMIN) <= 1) {
            throw new InvalidInputException("role", "members.lastAdmin", "A workspace needs at least one admin");
        }
        audit.record(actor, "member.role", userId + ": " + membership.getRole() + " → " + role);
        membership.changeRole(role);
    }

    public void removeMember(Member actor, UUID userId) {
        requireAdmin(actor);
        Membership membership = memberships
                .findByWorkspaceIdAndUserId(actor.workspaceId(), userId)
                .orElseThrow(WorkspaceNotFoundException::new);
        if (membership.getRole() == Role.ADMIN
                && memberships.countByWorkspaceIdAndRole(actor.workspaceId(), Role.ADMIN) <= 1) {
            throw new InvalidInputException(null, "members.lastAdmin", "A workspace needs at least one admin");
        }
        teams.findByWorkspaceIdOrderByName(actor.workspaceId())
                .forEach(t -> t.getMemberIds().remove(userId));
        memberships.delete(membership);
        audit.record(actor, "member.removed", userId.toString());
    }

    public WorkspaceDirectory.TeamView createTeam(Member actor, String name) {
        requireManager(actor);
        String trimmed = requireText("name", name, 80);
        if (teams.existsByWorkspaceIdAndNameIgnoreCase(actor.workspaceId(), trimmed)) {
            throw new InvalidInputException("name", "teams.exists", "A team with this name exists already");
        }
        Team team = teams.save(new Team(actor.workspaceId(), trimmed));
        audit.record(actor, "team.created", trimmed);
        return team.view();
    }

    public void setTeamMembers(Member actor, UUID teamId, List<UUID> userIds) {
        requireManager(actor);
        Team team =
                teams.findByIdAndWorkspaceId(teamId, actor.workspaceId()).orElseThrow(WorkspaceNotFoundException::new);
        List<UUID> valid = userIds == null
                ? List.of()
                : userIds.stream()
                        .filter(id -> memberships
                                .findByWorkspaceIdAndUserId(actor.workspaceId(), id)
                                .isPresent())
                        .toList();
        team.getMemberIds().clear();
        team.getMemberIds().addAll(valid);
        audit.record(actor, "team.members", team.getName() + ": " + valid.size() + " members");
    }

    public void deleteTeam(Member actor, UUID teamId) {
        requireManager(actor);
        Team team =
                teams.findByIdAndWorkspaceId(teamId, actor.workspaceId()).orElseThrow(WorkspaceNotFoundException::new);
        teams.delete(team);
        audit.record(actor, "team.deleted", team.getName());
    }

    public void changeOwnPassword(UUID userId, String current, String next) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (!passwordEncoder.matches(current == null ? "" : current, user.getPasswordHash())) {
            throw new InvalidInputException(
                    "currentPassword", "profile.wrongPassword", "The current password is wrong");
        }
        user.changePasswordHash(passwordEncoder.encode(requirePassword(next)));
    }

    public void changeOwnProfile(UUID userId, String displayName, String locale) {
        UserAccount user = users.findById(userId).orElseThrow();
        user.setDisplayName(requireText("displayName", displayName, 120));
        user.setLocale(locale == null || locale.isBlank() ? null : locale);
    }

    private UserAccount newUser(String email, String displayName, String password) {
        String normalized = requireEmail(email);
        if (users.findByEmail(normalized).isPresent()) {
            throw new InvalidInputException("email", "members.emailTaken", "This e-mail address is taken");
        }
        String name = displayName == null || displayName.isBlank()
                ? normalized.substring(0, normalized.indexOf('@'))
                : requireText("displayName", displayName, 120);
        UserAccount account = new UserAccount(normalized, name, passwordEncoder.encode(requirePassword(password)));
        if (users.count() == 0) {
            account.makeOperator();
        }
        return users.save(account);
    }

    static void requireAdmin(Member actor) {
        if (!actor.role().canManageSettings()) {
            throw new NotPermittedException("Only administrators can change this");
        }
    }

    static void requireManager(Member actor) {
        if (!actor.role().canManageChannelsAndTeams()) {
            throw new NotPermittedException("Only administrators and managers can change this");
        }
    }

    private static String requireText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "validation.required", "This field is required");
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "validation.tooLong", "At most " + max + " characters", max);
        }
        return trimmed;
    }

    static String requireEmail(String email) {
        String normalized = UserAccount.normalizeEmail(email);
        if (!TextInput.isEmailAddress(normalized)) {
            throw new InvalidInputException("email", "validation.email", "Enter a valid e-mail address");
        }
        return normalized;
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(
                    "password", "validation.password", "Use at least " + MIN_PASSWORD + " characters", MIN_PASSWORD);
        }
        if (password.length() > 200) {
            throw new InvalidInputException("password", "validation.tooLong", "At most 200 characters", 200);
        }
        return password;
    }
}
