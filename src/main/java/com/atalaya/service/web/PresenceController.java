package com.atalaya.service.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.service.Presence;
import com.atalaya.service.PresenceStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent's own availability: chosen in the top bar, kept alive by the screen's heartbeats. */
@Controller
class PresenceController {

    private final Presence presence;

    PresenceController(Presence presence) {
        this.presence = presence;
    }

    @PostMapping("/presence")
    Object choose(
            @AuthenticationPrincipal AtalayaUser me,
            @RequestParam PresenceStatus status,
            @RequestParam(required = false) String redirect,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        presence.choose(me.id(), status);
        if (htmx != null) {
            return ResponseEntity.noContent().build();
        }
        return "redirect:"
                + (redirect != null && redirect.startsWith("/") && !redirect.startsWith("//") ? redirect : "/");
    }

    @PostMapping("/presence/heartbeat")
    ResponseEntity<Void> heartbeat(
            @AuthenticationPrincipal AtalayaUser me, @RequestParam(defaultValue = "true") boolean active) {
        presence.heartbeat(me.id(), active);
        return ResponseEntity.noContent().build();
    }
}
