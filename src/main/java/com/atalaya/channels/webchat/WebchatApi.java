package com.atalaya.channels.webchat;

import com.atalaya.channels.webchat.ChattingWithVisitors.NewSession;
import com.atalaya.channels.webchat.ChattingWithVisitors.Status;
import com.atalaya.channels.webchat.ChattingWithVisitors.Transcript;
import com.atalaya.channels.webchat.ChattingWithVisitors.Widget;
import com.atalaya.channels.webchat.WebchatRateLimits.Action;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The visitor API the chat frame calls (same origin as the frame). Visitors authenticate with the
 * bearer token they got from {@code POST sessions}; the event stream takes it as a query parameter
 * because EventSource cannot send headers.
 */
@RestController
@RequestMapping("/widget/{slug}/api")
class WebchatApi {

    record SessionRequest(String name, String email) {}

    record MessageRequest(String text, String clientId) {}

    record OfflineMessageRequest(String name, String email, String message, String clientId) {}

    /** What the embed script needs before the frame is loaded. */
    record EmbedConfig(String title, String accentColor, boolean online, Map<String, String> labels) {}

    private final ChattingWithVisitors chats;
    private final VisitorStreams streams;
    private final WebchatRateLimits limits;
    private final MessageSource messages;

    WebchatApi(ChattingWithVisitors chats, VisitorStreams streams, WebchatRateLimits limits, MessageSource messages) {
        this.chats = chats;
        this.streams = streams;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/status")
    ResponseEntity<Status> status(@PathVariable String slug) {
        Widget widget = chats.widget(slug);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(chats.status(widget.workspaceId()));
    }

    /** Read cross-origin by {@code widget.js} on the customer's site; public, non-personal data only. */
    @CrossOrigin(origins = "*", methods = RequestMethod.GET)
    @GetMapping("/config")
    ResponseEntity<EmbedConfig> config(@PathVariable String slug, Locale locale) {
        Widget widget = chats.widget(slug);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new EmbedConfig(
                        widget.settings().title(),
                        widget.settings().accentColor(),
                        chats.status(widget.workspaceId()).online(),
                        Map.of(
                                "open", messages.getMessage("webchat.bubble.open", null, "Chat", locale),
                                "close", messages.getMessage("webchat.close", null, "Close", locale),
                                "frameTitle", messages.getMessage("webchat.frameTitle", null, "Chat", locale))));
    }

    @PostMapping("/sessions")
    ResponseEntity<NewSession> openSession(
            @PathVariable String slug, @RequestBody(required = false) SessionRequest body, HttpServletRequest request) {
        Widget widget = chats.widget(slug);
        limits.take(Action.SESSION, request.getRemoteAddr(), widget.slug());
        SessionRequest input = body == null ? new SessionRequest(null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(chats.openSession(widget, input.name(), input.email()));
    }

    @GetMapping("/messages")
    ResponseEntity<Transcript> transcript(
            @PathVariable String slug, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        Widget widget = chats.widget(slug);
        Visitor visitor = chats.authenticate(widget, bearer(auth));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(chats.transcript(visitor));
    }

    /** Answers 201 only once the message is stored and received by the inbox's entry point. */
    @PostMapping("/messages")
    ResponseEntity<LineView> post(
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestBody(required = false) MessageRequest body,
            HttpServletRequest request) {
        Widget widget = chats.widget(slug);
        String token = bearer(auth);
        limits.take(Action.MESSAGE, request.getRemoteAddr(), widget.slug());
        MessageRequest input = body == null ? new MessageRequest(null, null) : body;
        LineView line = chats.postFromVisitor(widget, token, input.text(), WebchatInput.clientId(input.clientId()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(line);
    }

    /**
     * Live events for one frame: {@code status} (online / leave-a-message, at once and then
     * periodically) and, with a visitor token, {@code line} for each agent reply. Refused with a
     * 429 problem when the client's address holds its share of streams, a 503 problem when this
     * node holds all it may ({@link VisitorStreams}); the frame then polls and retries.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            @PathVariable String slug, @RequestParam(required = false) String token, HttpServletRequest request) {
        Widget widget = chats.widget(slug);
        Visitor visitor = token == null || token.isEmpty() ? null : chats.authenticate(widget, token);
        SseEmitter emitter = streams.open(
                widget.workspaceId(),
                visitor == null ? null : visitor.getId(),
                request.getRemoteAddr(),
                "status",
                chats.status(widget.workspaceId()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** "Leave a message" while nobody is available: becomes an e-mail conversation. */
    @PostMapping("/offline-messages")
    ResponseEntity<Map<String, Boolean>> leaveMessage(
            @PathVariable String slug,
            @RequestBody(required = false) OfflineMessageRequest body,
            HttpServletRequest request,
            Locale locale) {
        Widget widget = chats.widget(slug);
        limits.take(Action.OFFLINE_MESSAGE, request.getRemoteAddr(), widget.slug());
        OfflineMessageRequest input = body == null ? new OfflineMessageRequest(null, null, null, null) : body;
        chats.leaveMessage(
                widget, input.name(), input.email(), input.message(), WebchatInput.clientId(input.clientId()), locale);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("received", true));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw WebchatProblem.badToken();
        }
        return authorization.substring(7).strip();
    }
}
