package com.atalaya.inbox.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.inbox.Contact;
import com.atalaya.inbox.ContactBook;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customers: search, profile across channels, merge duplicates. */
@Controller
class ContactsController {

    private final WorkspaceAccess access;
    private final ContactBook contacts;

    ContactsController(WorkspaceAccess access, ContactBook contacts) {
        this.access = access;
        this.contacts = contacts;
    }

    @GetMapping("/w/{slug}/contacts")
    String list(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Member member = access.require(me, slug);
        Page<Contact> result = contacts.search(member, q, page, 30);
        model.addAttribute("member", member);
        model.addAttribute("q", q);
        model.addAttribute("contacts", result);
        model.addAttribute("identities", contacts.identitiesOf(member, result.getContent()));
        return "inbox/contacts";
    }

    @GetMapping("/w/{slug}/contacts/{id}")
    String profile(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("profile", contacts.profile(member, id));
        if (q != null && !q.isBlank()) {
            Page<Contact> candidates = contacts.search(member, q, 0, 10);
            model.addAttribute(
                    "candidates",
                    candidates.getContent().stream()
                            .filter(c -> !c.getId().equals(id))
                            .toList());
            model.addAttribute("candidateIdentities", contacts.identitiesOf(member, candidates.getContent()));
            model.addAttribute("q", q);
        }
        return "inbox/contact";
    }

    @PostMapping("/w/{slug}/contacts/{id}/name")
    String rename(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam String name,
            RedirectAttributes redirect) {
        try {
            contacts.rename(access.require(me, slug), id, name);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/w/" + slug + "/contacts/" + id;
    }

    @PostMapping("/w/{slug}/contacts/{id}/merge")
    String merge(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam UUID duplicateId,
            RedirectAttributes redirect) {
        try {
            contacts.merge(access.require(me, slug), id, duplicateId);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/w/" + slug + "/contacts/" + id;
    }
}
