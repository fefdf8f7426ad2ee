package com.atalaya.channels.webchat;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnectionChanged;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.identity.Slugs;
import com.atalaya.identity.WorkspaceDirectory;
import com.atalaya.identity.WorkspaceView;
import com.atalaya.service.Presence;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a visitor does through the widget: open a chat session, read and continue their transcript,
 * and leave a message when nobody is available. Every accepted message is handed to
 * {@link ReceivingMessages} in the same transaction as the transcript line, so it is durable
 * before the visitor gets an answer.
 */
@Service
@Transactional
class ChattingWithVisitors {

    /** A workspace's chat widget. */
    record Widget(UUID workspaceId, String slug, ChannelConnection connection, WebchatSettings settings) {}

    /** Whether live chat is offered now, and whether a message can be left instead. */
    record Status(boolean online, boolean leaveMessage) {}

    record NewSession(UUID visitorId, String token) {}

    record Transcript(UUID visitorId, String name, String email, List<LineView> lines) {}

    static final String VISITOR = "Visitante";
    private static final Logger log = LoggerFactory.getLogger(ChattingWithVisitors.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration WIDGET_TTL = Duration.ofSeconds(10);

    private final WorkspaceDirectory directory;
    private final ChannelConnections connections;
    private final ReceivingMessages receiving;
    private final Presence presence;
    private final Visitors visitors;
    private final Lines lines;
    private final Transcripts transcripts;
    private final VisitorStreams streams;
    private final MessageSource messages;
    private final Cache<String, Widget> widgets = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(WIDGET_TTL)
            .build();

    ChattingWithVisitors(
            WorkspaceDirectory directory,
            ChannelConnections connections,
            ReceivingMessages receiving,
            Presence presence,
            Visitors visitors,
            Lines lines,
            Transcripts transcripts,
            VisitorStreams streams,
            MessageSource messages) {
        this.directory = directory;
        this.connections = connections;
        this.receiving = receiving;
        this.presence = presence;
        this.visitors = visitors;
        this.lines = lines;
        this.transcripts = transcripts;
        this.streams = streams;
        this.messages = messages;
    }

    /**
     * The enabled widget of the workspace with this slug; 404 problem otherwise. Kept in memory for
     * a few seconds (every visitor call starts here); a change of a channel on this node drops it
     * at once, on another node within {@link #WIDGET_TTL}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Widget widget(String slug) {
        if (!Slugs.isSlug(slug)) {
            throw WebchatProblem.unknownWidget();
        }
        Widget widget = widgets.get(slug, this::loadWidget);
        if (widget == null) {
            throw WebchatProblem.unknownWidget();
        }
        return widget;
    }

    private Widget loadWidget(String slug) {
        Optional<WorkspaceView> workspace = directory.bySlug(slug);
        Optional<ChannelConnection> connection = workspace.flatMap(w -> connections.first(w.id(), WebchatChannel.TYPE));
        if (connection.isEmpty()) {
            return null;
        }
        return new Widget(
                workspace.get().id(),
                workspace.get().slug(),
                connection.get(),
                WebchatSettings.of(
                        connections.settings(connection.get()), workspace.get().name()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(ChannelConnectionChanged event) {
        widgets.invalidateAll();
    }

    /** Online only while at least one agent of the workspace is available: an unanswered chat is worse than none. */
    @Transactional(readOnly = true)
    Status status(UUID workspaceId) {
        return new Status(
                presence.anyoneAvailable(workspaceId),
                offlineTarget(workspaceId).isPresent());
    }

    NewSession openSession(Widget widget, String name, String email) {
        String cleanName = WebchatInput.name(name);
        String cleanEmail = WebchatInput.optionalEmail(email);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Visitor visitor = visitors.save(
                new Visitor(widget.workspaceId(), widget.connection().getId(), hash(token), cleanName, cleanEmail));
        return new NewSession(visitor.getId(), token);
    }

    /** The visitor holding this token on this widget; a 401 problem for any other token. */
    @Transactional(readOnly = true)
    Visitor authenticate(Widget widget, String token) {
        return visitors.findByTokenHash(tokenHash(token))
                .filter(v -> v.getConnectionId().equals(widget.connection().getId()))
                .orElseThrow(WebchatProblem::badToken);
    }

    private static String tokenHash(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw WebchatProblem.badToken();
        }
        return hash(token.strip());
    }

    @Transactional(readOnly = true)
    Transcript transcript(Visitor visitor) {
        return new Transcript(
                visitor.getId(), visitor.getName(), visitor.getEmail(), transcripts.history(visitor.getId()));
    }

    /**
     * Authenticates the visitor by their token, stores their line and receives it as an inbound
     * message, all in one transaction. The visitor's row lock comes first, so one visitor's messages
     * are stored, queued and committed one after another. With a {@code clientId} a retried send
     * returns the line stored the first time instead of a copy.
     */
    LineView postFromVisitor(Widget widget, String token, String text, UUID clientId) {
        String hash = tokenHash(token);
        String body = WebchatInput.message("text", text);
        Visitor visitor = visitors.findByTokenHashAndConnectionId(
                        hash, widget.connection().getId())
                .orElseThrow(WebchatProblem::badToken);
        UUID lineId = clientId == null ? UUID.randomUUID() : clientId;
        if (clientId != null) {
            Optional<Line> earlier = lines.findById(clientId);
            if (earlier.isPresent()) {
                if (earlier.get().isFromVisitor()
                        && earlier.get().getVisitorId().equals(visitor.getId())) {
                    return LineView.of(earlier.get());
                }
                lineId = UUID.randomUUID();
            }
        }
        Instant now = Instant.now();
        visitor.seen(now);
        Line line = lines.save(new Line(lineId, visitor.getId(), true, visitor.getName(), body, now));
        String visitorKey = visitor.getId().toString();
        receiving.receive(
                widget.connection(),
                new InboundMessage(
                        lineId.toString(),
                        new Party(
                                IdentityKind.CHAT_VISITOR,
                                visitorKey,
                                visitor.getName() == null ? VISITOR : visitor.getName()),
                        null,
                        body,
                        null,
                        List.of(),
                        visitorKey,
                        List.of(),
                        now,
                        false));
        return LineView.of(line);
    }

    /**
     * Turns a "leave a message" form into an e-mail conversation: received on the workspace's
     * e-mail channel, or its contact form when it has no e-mail channel; a 409 problem when it has
     * neither. With a {@code clientId} a retried submit is received once.
     */
    void leaveMessage(Widget widget, String name, String email, String text, UUID clientId, Locale locale) {
        String cleanName = WebchatInput.name(name);
        String cleanEmail = WebchatInput.requiredEmail(email);
        String body = WebchatInput.message("message", text);
        ChannelConnection target = offlineTarget(widget.workspaceId()).orElseThrow(WebchatProblem::noOfflineChannel);
        String subject = messages.getMessage("webchat.offline.subject", null, "Mensaje desde el chat", locale);
        receiving.receive(
                target,
                new InboundMessage(
                        (clientId == null ? UUID.randomUUID() : clientId).toString(),
                        new Party(IdentityKind.EMAIL, cleanEmail, cleanName),
                        subject,
                        body,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        Instant.now(),
                        false));
    }

    /** Tells every open frame whether live chat is offered; also keeps idle streams from timing out in proxies. */
    @Scheduled(
            fixedDelayString = "${atalaya.webchat.status-every:10s}",
            initialDelayString = "${atalaya.webchat.status-every:10s}")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void pushStatus() {
        for (UUID workspaceId : streams.watchedWorkspaces()) {
            try {
                streams.toWorkspace(workspaceId, "status", status(workspaceId));
            } catch (RuntimeException e) {
                log.warn("Could not push the chat status of workspace {}", workspaceId, e);
            }
        }
    }

    private Optional<ChannelConnection> offlineTarget(UUID workspaceId) {
        return connections.first(workspaceId, "email").or(() -> connections.first(workspaceId, "contact-form"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
