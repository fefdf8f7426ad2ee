package com.atalaya.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The caller belongs to the workspace but their role does not allow the action. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
