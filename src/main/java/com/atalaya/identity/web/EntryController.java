package com.atalaya.identity.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.ManagingWorkspaces;
import com.atalaya.identity.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front door: sign-in page, one-time setup, and the redirect to the user's inbox. */
@Controller
class EntryController {

    private final WorkspaceAccess access;
    private final ManagingWorkspaces managing;
    private final org.springframework.security.core.userdetails.UserDetailsService userDetails;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    EntryController(
            WorkspaceAccess access,
            ManagingWorkspaces managing,
            org.springframework.security.core.userdetails.UserDetailsService userDetails) {
        this.access = access;
        this.managing = managing;
        this.userDetails = userDetails;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AtalayaUser me) {
        if (!access.anyUserExists()) {
            return "redirect:/setup";
        }
        if (me == null) {
            return "redirect:/login";
        }
        return access.workspacesOf(me.id()).stream()
                .findFirst()
                .map(w -> "redirect:/w/" + w.slug() + "/inbox")
                .orElse("redirect:/profile");
    }

    @GetMapping("/login")
    String login() {
        if (!access.anyUserExists()) {
            return "redirect:/setup";
        }
        return "identity/login";
    }

    @GetMapping("/setup")
    String setupForm() {
        return access.anyUserExists() ? "redirect:/login" : "identity/setup";
    }

    @PostMapping("/setup")
    String setUp(
            @RequestParam String workspaceName,
            @RequestParam String displayName,
            @RequestParam String email,
            @RequestParam String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (access.anyUserExists()) {
            return "redirect:/login";
        }
        try {
            var workspace = managing.setUp(email, displayName, password, workspaceName);
            var user = userDetails.loadUserByUsername(email);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            request.getSession(true);
            request.changeSessionId();
            contexts.saveContext(context, request, response);
            return "redirect:/w/" + workspace.slug() + "/settings/channels?welcome";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            model.addAttribute("workspaceName", workspaceName);
            model.addAttribute("displayName", displayName);
            model.addAttribute("email", email);
            return "identity/setup";
        }
    }
}
