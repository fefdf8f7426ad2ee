/** Workspaces (one brand each), users and their role per workspace, teams, API tokens and the audit log. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {})
package com.atalaya.identity;
