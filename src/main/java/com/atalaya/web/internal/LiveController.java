package com.atalaya.web.internal;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.web.LiveUpdates;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The Server-Sent Events stream every agent screen of a workspace listens to. */
@RestController
class LiveController {

    private final WorkspaceAccess access;
    private final LiveUpdates live;

    LiveController(WorkspaceAccess access, LiveUpdates live) {
        this.access = access;
        this.live = live;
    }

    @GetMapping(path = "/w/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug) {
        Member member = access.require(me, slug);
        return live.subscribe(member.workspaceId(), member.userId());
    }
}
