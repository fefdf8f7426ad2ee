package com.atalaya.identity;

import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates isolated workspaces and users for tests (every call gets fresh, unique names). */
@Component
public class TestWorkspaces {

    public static final String PASSWORD = "correct horse battery";

    public record Tenant(WorkspaceView workspace, AtalayaUser admin, Member member) {
        public UUID id() {
            return workspace.id();
        }

        public String slug() {
            return workspace.slug();
        }

        public String email() {
            return admin.email();
        }
    }

    private final ManagingWorkspaces managing;
    private final WorkspaceAccess access;
    private final UserDetailsService users;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    TestWorkspaces(
            ManagingWorkspaces managing,
            WorkspaceAccess access,
            UserDetailsService users,
            UserAccounts accounts,
            PasswordEncoder encoder) {
        this.managing = managing;
        this.access = access;
        this.users = users;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A new workspace whose admin is a new user. */
    public Tenant create(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + unique + "@example.com";
        UserAccount account = accounts.save(new UserAccount(email, "Admin " + unique, encoder.encode(PASSWORD)));
        WorkspaceView workspace = managing.createWorkspace(name + " " + unique, account.getId());
        AtalayaUser admin = (AtalayaUser) users.loadUserByUsername(email);
        return new Tenant(workspace, admin, access.require(admin, workspace.slug()));
    }

    /** Adds a new user with the given role to the tenant's workspace. */
    public AtalayaUser addUser(Tenant tenant, Role role) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        managing.addMember(tenant.member(), email, "User " + email, PASSWORD, role);
        return (AtalayaUser) users.loadUserByUsername(email);
    }
}
