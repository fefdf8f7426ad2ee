package com.atalaya.identity.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.IssuingApiTokens;
import com.atalaya.identity.ManagingWorkspaces;
import com.atalaya.identity.WorkspaceDirectory;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own settings: name, language, password and API tokens. */
@Controller
class ProfileController {

    private final ManagingWorkspaces managing;
    private final IssuingApiTokens tokens;
    private final WorkspaceDirectory directory;

    ProfileController(ManagingWorkspaces managing, IssuingApiTokens tokens, WorkspaceDirectory directory) {
        this.managing = managing;
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AtalayaUser me, Model model) {
        model.addAttribute("tokens", tokens.tokensOf(me.id()));
        model.addAttribute("locale", directory.preferredLocale(me.id()).orElse(""));
        return "identity/profile";
    }

    @PostMapping("/profile")
    String saveProfile(
            @AuthenticationPrincipal AtalayaUser me,
            @RequestParam String displayName,
            @RequestParam(required = false) String locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            managing.changeOwnProfile(me.id(), displayName, locale);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/profile" + (locale == null || locale.isBlank() ? "" : "?lang=" + locale);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return profile(me, model);
        }
    }

    @PostMapping("/profile/password")
    String changePassword(
            @AuthenticationPrincipal AtalayaUser me,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            Model model,
            RedirectAttributes redirect) {
        try {
            managing.changeOwnPassword(me.id(), currentPassword, newPassword);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return profile(me, model);
        }
    }

    @PostMapping("/profile/tokens")
    String issueToken(
            @AuthenticationPrincipal AtalayaUser me, @RequestParam(required = false) String name, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(me.id(), name));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
        }
        return profile(me, model);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal AtalayaUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/profile";
    }

    @GetMapping("/workspaces/new")
    String newWorkspace() {
        return "identity/new-workspace";
    }

    @PostMapping("/workspaces/new")
    String createWorkspace(@AuthenticationPrincipal AtalayaUser me, @RequestParam String name, Model model) {
        try {
            var workspace = managing.createWorkspace(name, me.id());
            return "redirect:/w/" + workspace.slug() + "/settings/channels?welcome";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            model.addAttribute("name", name);
            return "identity/new-workspace";
        }
    }
}
