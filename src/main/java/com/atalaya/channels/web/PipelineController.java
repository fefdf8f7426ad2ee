package com.atalaya.channels.web;

import com.atalaya.channels.InboundBacklog;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.WorkspaceAccess;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instance operator's view of the message pipeline: backlog, stuck messages, retry now. */
@Controller
class PipelineController {

    private final WorkspaceAccess access;
    private final InboundBacklog backlog;

    PipelineController(WorkspaceAccess access, InboundBacklog backlog) {
        this.access = access;
        this.backlog = backlog;
    }

    @GetMapping("/w/{slug}/settings/pipeline")
    String page(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = requireOperator(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("summary", backlog.summary());
        model.addAttribute("stuck", backlog.stuck());
        return "channels/pipeline";
    }

    @PostMapping("/w/{slug}/settings/pipeline/retry")
    String retry(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, RedirectAttributes redirect) {
        requireOperator(me, slug);
        redirect.addFlashAttribute("retried", backlog.retryNow());
        return "redirect:/w/" + slug + "/settings/pipeline";
    }

    private Member requireOperator(AtalayaUser me, String slug) {
        Member member = access.require(me, slug);
        if (!me.operator()) {
            throw new NotPermittedException("Only the instance operator sees the message pipeline");
        }
        return member;
    }
}
