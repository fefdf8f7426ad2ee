package com.atalaya.identity.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.AuditLog;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.ManagingWorkspaces;
import com.atalaya.identity.Member;
import com.atalaya.identity.Role;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.identity.WorkspaceDirectory;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings of one workspace: name, members and roles, teams, audit log. */
@Controller
@RequestMapping("/w/{slug}/settings")
class WorkspaceSettingsController {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory directory;
    private final ManagingWorkspaces managing;
    private final AuditLog audit;

    WorkspaceSettingsController(
            WorkspaceAccess access, WorkspaceDirectory directory, ManagingWorkspaces managing, AuditLog audit) {
        this.access = access;
        this.directory = directory;
        this.managing = managing;
        this.audit = audit;
    }

    @GetMapping("/workspace")
    String workspace(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        model.addAttribute("member", access.require(me, slug));
        return "identity/settings-workspace";
    }

    @PostMapping("/workspace")
    String rename(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam String name,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        try {
            managing.renameWorkspace(member, name);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/workspace";
        } catch (InvalidInputException e) {
            model.addAttribute("member", member);
            model.addAttribute("error", e);
            return "identity/settings-workspace";
        }
    }

    @GetMapping("/members")
    String members(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("members", directory.members(member.workspaceId()));
        model.addAttribute("roles", Role.values());
        return "identity/settings-members";
    }

    @PostMapping("/members")
    String addMember(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam Role role,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        try {
            managing.addMember(member, email, displayName, password, role);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/members";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            model.addAttribute("email", email);
            model.addAttribute("displayName", displayName);
            return members(me, slug, model);
        }
    }

    @PostMapping("/members/{userId}/role")
    String changeRole(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID userId,
            @RequestParam Role role,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        try {
            managing.changeRole(member, userId, role);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/members";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return members(me, slug, model);
        }
    }

    @PostMapping("/members/{userId}/remove")
    String removeMember(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID userId,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        try {
            managing.removeMember(member, userId);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/members";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return members(me, slug, model);
        }
    }

    @GetMapping("/teams")
    String teams(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("teams", directory.teams(member.workspaceId()));
        model.addAttribute("members", directory.members(member.workspaceId()));
        return "identity/settings-teams";
    }

    @PostMapping("/teams")
    String createTeam(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam String name,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        try {
            managing.createTeam(member, name);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/teams";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return teams(me, slug, model);
        }
    }

    @PostMapping("/teams/{teamId}/members")
    String teamMembers(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID teamId,
            @RequestParam(name = "userIds", required = false) List<UUID> userIds,
            RedirectAttributes redirect) {
        managing.setTeamMembers(access.require(me, slug), teamId, userIds);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/w/" + slug + "/settings/teams";
    }

    @PostMapping("/teams/{teamId}/delete")
    String deleteTeam(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID teamId,
            RedirectAttributes redirect) {
        managing.deleteTeam(access.require(me, slug), teamId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/w/" + slug + "/settings/teams";
    }

    @GetMapping("/audit")
    String audit(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Member member = access.require(me, slug);
        if (!member.role().canManageChannelsAndTeams()) {
            throw new com.atalaya.identity.NotPermittedException("Only administrators and managers see the audit log");
        }
        model.addAttribute("member", member);
        model.addAttribute("entries", audit.page(member.workspaceId(), page, 50));
        return "identity/settings-audit";
    }
}
