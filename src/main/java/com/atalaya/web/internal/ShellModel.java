package com.atalaya.web.internal;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.service.Presence;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every agent screen needs: who is signed in and which workspaces they can open. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final WorkspaceAccess access;
    private final Presence presence;

    ShellModel(WorkspaceAccess access, Presence presence) {
        this.access = access;
        this.presence = presence;
    }

    @ModelAttribute
    void shell(@AuthenticationPrincipal AtalayaUser me, HttpServletRequest request, Model model) {
        model.addAttribute("requestPath", request.getRequestURI());
        if (me != null) {
            model.addAttribute("me", me);
            model.addAttribute("myWorkspaces", access.workspacesOf(me.id()));
            model.addAttribute("myPresence", presence.chosen(me.id()));
        }
    }
}
