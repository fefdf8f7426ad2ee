package com.atalaya.identity.internal;

import com.atalaya.identity.ManagingWorkspaces;
import com.atalaya.identity.WorkspaceAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates the administrator and a first workspace from
 * ATALAYA_ADMIN_EMAIL / ATALAYA_ADMIN_PASSWORD; without them the UI offers a one-time setup page.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final ManagingWorkspaces managing;
    private final WorkspaceAccess access;
    private final String email;
    private final String password;
    private final String workspaceName;

    FirstAdministrator(
            ManagingWorkspaces managing,
            WorkspaceAccess access,
            @Value("${atalaya.admin.email}") String email,
            @Value("${atalaya.admin.password}") String password,
            @Value("${atalaya.admin.workspace-name}") String workspaceName) {
        this.managing = managing;
        this.access = access;
        this.email = email;
        this.password = password;
        this.workspaceName = workspaceName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (access.anyUserExists()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.info("No users yet: open the web UI to set up the first administrator (/setup)");
            return;
        }
        var workspace = managing.setUp(email, null, password, workspaceName);
        log.info("Created administrator {} and workspace '{}'", email, workspace.slug());
    }
}
