package com.atalaya.triage.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.triage.CorrectingLabels;
import com.atalaya.triage.MessageTriage;
import com.atalaya.triage.RetrainingModels;
import com.atalaya.triage.TriageInsights;
import com.atalaya.triage.engine.Reason;
import com.atalaya.triage.engine.TriageEngine;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Triage in the agent UI: the labels of a message with their reasons, corrections, and the models page. */
@Controller
class TriageController {

    private final WorkspaceAccess access;
    private final TriageInsights insights;
    private final CorrectingLabels correcting;
    private final RetrainingModels retraining;
    private final MessageSource messages;

    TriageController(
            WorkspaceAccess access,
            TriageInsights insights,
            CorrectingLabels correcting,
            RetrainingModels retraining,
            MessageSource messages) {
        this.messages = messages;
        this.access = access;
        this.insights = insights;
        this.correcting = correcting;
        this.retraining = retraining;
    }

    /** The labels of one inbound message; "analysing" (which polls) until triage has run. */
    @GetMapping("/w/{slug}/triage/messages/{messageId}")
    String labels(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID messageId,
            @RequestParam(defaultValue = "0") int attempt,
            Locale locale,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("messageId", messageId);
        model.addAttribute("attempt", attempt);
        insights.forMessage(member, messageId).ifPresent(t -> addTriage(model, t, locale));
        addLabels(model);
        return "triage/labels :: labels";
    }

    @PostMapping("/w/{slug}/triage/messages/{messageId}/labels")
    String correct(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID messageId,
            @RequestParam String kind,
            @RequestParam String label,
            Locale locale,
            Model model) {
        Member member = access.require(me, slug);
        MessageTriage t = correcting.correct(member, messageId, kind, label);
        model.addAttribute("member", member);
        model.addAttribute("messageId", messageId);
        addTriage(model, t, locale);
        model.addAttribute("corrected", kind);
        addLabels(model);
        return "triage/labels :: labels";
    }

    @GetMapping("/w/{slug}/settings/triage")
    String settings(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("overview", insights.overview(member));
        return "triage/settings";
    }

    @PostMapping("/w/{slug}/settings/triage/retrain")
    String retrain(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug) {
        Member member = access.require(me, slug);
        if (!member.role().canManageChannelsAndTeams()) {
            throw new NotPermittedException("Only managers and admins retrain the models");
        }
        retraining.retrain(member.workspaceId());
        return "redirect:/w/" + slug + "/settings/triage?saved";
    }

    private void addTriage(Model model, MessageTriage t, Locale locale) {
        model.addAttribute("t", t);
        model.addAttribute(
                "trollReasons",
                t.trollReasons().stream()
                        .map(r -> messages.getMessage(r.key(), localisedArgs(r, locale), r.key(), locale))
                        .toList());
    }

    /** An intent code among the arguments reads as the intent's name. */
    private Object[] localisedArgs(Reason r, Locale locale) {
        return r.args().stream()
                .map(a -> messages.getMessage("intent." + a, null, a, locale))
                .toArray();
    }

    /** A wrong kind or label from a tampered form: a plain 400 that htmx shows nowhere and a person can read. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e, Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage(e.messageKey(), e.args(), e.getMessage(), locale));
    }

    /** Two agents corrected the same label at the same moment: the first one counts. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<String> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage("triage.conflict", null, "Someone corrected this at the same time", locale));
    }

    private static void addLabels(Model model) {
        model.addAttribute("sentimentLabels", TriageEngine.SENTIMENT_LABELS);
        model.addAttribute("intentLabels", TriageEngine.INTENT_LABELS);
    }
}
