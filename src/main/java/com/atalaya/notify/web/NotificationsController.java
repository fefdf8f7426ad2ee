package com.atalaya.notify.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.AuditLog;
import com.atalaya.identity.Member;
import com.atalaya.identity.Paging;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.notify.NotificationCreated;
import com.atalaya.notify.NotificationKind;
import com.atalaya.notify.Notifying;
import com.atalaya.web.LiveUpdates;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bell: unread count, the list, and each user's choices per kind of notification. */
@Controller
class NotificationsController {

    private final WorkspaceAccess access;
    private final Notifying notifying;
    private final LiveUpdates live;
    private final AuditLog audit;

    NotificationsController(WorkspaceAccess access, Notifying notifying, LiveUpdates live, AuditLog audit) {
        this.access = access;
        this.notifying = notifying;
        this.live = live;
        this.audit = audit;
    }

    @EventListener
    void push(NotificationCreated event) {
        live.toUser(
                event.workspaceId(),
                event.userId(),
                "notification",
                Map.of(
                        "id", event.notificationId(),
                        "title", event.title(),
                        "body", event.body() == null ? "" : event.body(),
                        "url", event.url(),
                        "browser", event.browser()));
    }

    @GetMapping("/w/{slug}/notifications/badge")
    ResponseEntity<String> badge(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug) {
        Member member = access.require(me, slug);
        long unread = notifying.unread(member.workspaceId(), member.userId());
        return ResponseEntity.ok()
                .header("Content-Type", "text/html;charset=UTF-8")
                .body(unread == 0 ? "" : unread > 99 ? "99+" : String.valueOf(unread));
    }

    @GetMapping("/w/{slug}/notifications")
    String list(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("notifications", notifying.page(member.workspaceId(), member.userId(), Paging.page(page)));
        model.addAttribute("preferences", notifying.preferences(member.userId()));
        return "notify/notifications";
    }

    @GetMapping("/w/{slug}/notifications/{id}")
    String open(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id) {
        Member member = access.require(me, slug);
        return notifying
                .open(member.workspaceId(), member.userId(), id)
                .filter(n -> n.getConversationId() != null)
                .map(n -> "redirect:/w/" + slug + "/inbox?status=ANY&c=" + n.getConversationId())
                .orElse("redirect:/w/" + slug + "/notifications");
    }

    @PostMapping("/w/{slug}/notifications/read")
    String readAll(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug) {
        Member member = access.require(me, slug);
        notifying.markAllRead(member.workspaceId(), member.userId());
        return "redirect:/w/" + slug + "/notifications";
    }

    @PostMapping("/w/{slug}/notifications/preferences")
    String preferences(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        for (NotificationKind kind : NotificationKind.values()) {
            notifying.changePreference(
                    member.userId(),
                    kind,
                    form.containsKey(kind + ".inApp"),
                    form.containsKey(kind + ".browser"),
                    form.containsKey(kind + ".email"));
        }
        audit.record(member, "notifications.preferences", null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/w/" + slug + "/notifications";
    }
}
