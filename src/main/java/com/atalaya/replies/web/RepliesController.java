package com.atalaya.replies.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.replies.SuggestingReplies;
import com.atalaya.replies.ToneCheck;
import com.atalaya.triage.TriageInsights;
import com.atalaya.triage.TriageView;
import com.atalaya.triage.engine.TriageEngine;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reply help in the composer (suggestions, tone check) and the canned replies settings. */
@Controller
class RepliesController {

    private final WorkspaceAccess access;
    private final SuggestingReplies suggesting;
    private final ToneCheck tone;
    private final WorkingConversations conversations;
    private final TriageInsights triage;

    RepliesController(
            WorkspaceAccess access,
            SuggestingReplies suggesting,
            ToneCheck tone,
            WorkingConversations conversations,
            TriageInsights triage) {
        this.access = access;
        this.suggesting = suggesting;
        this.tone = tone;
        this.conversations = conversations;
        this.triage = triage;
    }

    @GetMapping("/w/{slug}/conversations/{id}/suggestions")
    String suggestions(
            @AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("conversationId", id);
        model.addAttribute("s", suggesting.suggest(member, id));
        return "replies/composer :: suggestions";
    }

    @PostMapping("/w/{slug}/conversations/{id}/tone")
    String tone(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean note,
            Model model) {
        Member member = access.require(me, slug);
        var conversation = conversations.summary(member, id);
        model.addAttribute(
                "issues",
                note
                        ? java.util.List.of()
                        : tone.check(
                                text,
                                conversation.channelType(),
                                triage.latestOfConversation(member.workspaceId(), id)
                                        .map(TriageView::intent)
                                        .orElse(null)));
        return "replies/composer :: tone";
    }

    @GetMapping("/w/{slug}/settings/replies")
    String settings(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = access.require(me, slug);
        addSettings(member, model);
        return "replies/settings";
    }

    @PostMapping("/w/{slug}/settings/replies")
    String save(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam(required = false) UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String intent,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String body,
            Model model) {
        Member member = access.require(me, slug);
        try {
            suggesting.save(member, id, name, intent, language, body);
        } catch (InvalidInputException e) {
            addSettings(member, model);
            model.addAttribute("error", e);
            return "replies/settings";
        }
        return "redirect:/w/" + slug + "/settings/replies?saved";
    }

    @PostMapping("/w/{slug}/settings/replies/{id}/delete")
    String delete(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id) {
        Member member = access.require(me, slug);
        suggesting.delete(member, id);
        return "redirect:/w/" + slug + "/settings/replies?saved";
    }

    private void addSettings(Member member, Model model) {
        model.addAttribute("member", member);
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute(
                "replies",
                suggesting.all(member).stream()
                        .sorted(java.util.Comparator.comparing(
                                r -> !r.getLanguage().equals(language)))
                        .toList());
        model.addAttribute("intentLabels", TriageEngine.INTENT_LABELS);
    }
}
