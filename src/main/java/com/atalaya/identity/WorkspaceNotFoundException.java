package com.atalaya.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The workspace does not exist or the caller is not a member; both answer 404 so that a
 * stranger cannot learn which workspaces exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class WorkspaceNotFoundException extends RuntimeException {
    public WorkspaceNotFoundException() {
        super("No such workspace, or you are not a member of it.");
    }

    protected WorkspaceNotFoundException(String message) {
        super(message);
    }
}
