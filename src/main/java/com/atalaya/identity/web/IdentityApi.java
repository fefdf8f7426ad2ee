package com.atalaya.identity.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.IssuingApiTokens;
import com.atalaya.identity.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "API tokens and the caller's workspaces")
class IdentityApi {

    record TokenRequest(String name) {}

    record TokenResponse(UUID id, String name, String token, Instant createdAt) {}

    record WorkspaceResponse(UUID id, String slug, String name) {}

    private final IssuingApiTokens tokens;
    private final WorkspaceAccess access;

    IdentityApi(IssuingApiTokens tokens, WorkspaceAccess access) {
        this.tokens = tokens;
        this.access = access;
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal API token (HTTP Basic with e-mail and password). Shown once.")
    TokenResponse issue(@AuthenticationPrincipal AtalayaUser me, @RequestBody(required = false) TokenRequest body) {
        var issued = tokens.issue(me.id(), body == null ? null : body.name());
        return new TokenResponse(issued.id(), issued.name(), issued.token(), issued.createdAt());
    }

    @GetMapping("/workspaces")
    @Operation(summary = "The workspaces the caller belongs to")
    List<WorkspaceResponse> workspaces(@AuthenticationPrincipal AtalayaUser me) {
        return access.workspacesOf(me.id()).stream()
                .map(w -> new WorkspaceResponse(w.id(), w.slug(), w.name()))
                .toList();
    }
}
