package com.atalaya.notify;

import com.atalaya.channels.DeliveryException;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import com.atalaya.channels.WorkspaceMailer;
import com.atalaya.identity.Role;
import com.atalaya.identity.WorkspaceDirectory;
import com.atalaya.identity.WorkspaceView;
import com.atalaya.inbox.ConversationAssigned;
import com.atalaya.inbox.MessageReceived;
import com.atalaya.inbox.MessagesReceived;
import com.atalaya.service.Presence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The community manager hears of every interaction: each inbound message notifies the workspace's
 * managers and admins (new conversations) and the assignee; a new conversation also goes by
 * e-mail to the managers when nobody of the workspace is online. Each user chooses per kind.
 */
@Service
@Transactional
public class Notifying {

    private static final Logger log = LoggerFactory.getLogger(Notifying.class);

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final WorkspaceDirectory directory;
    private final Presence presence;
    private final ObjectProvider<WorkspaceMailer> mailers;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final String baseUrl;
    private final Environment environment;
    private final Counter notified;
    private final Timer latency;
    private final EntityManager entities;

    Notifying(
            Notifications notifications,
            NotificationPreferences preferences,
            WorkspaceDirectory directory,
            Presence presence,
            ObjectProvider<WorkspaceMailer> mailers,
            MessageSource messages,
            ApplicationEventPublisher events,
            @Value("${atalaya.base-url:}") String baseUrl,
            Environment environment,
            MeterRegistry meters,
            EntityManager entities) {
        this.entities = entities;
        this.notifications = notifications;
        this.preferences = preferences;
        this.directory = directory;
        this.presence = presence;
        this.mailers = mailers;
        this.messages = messages;
        this.events = events;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.environment = environment;
        this.notified = Counter.builder("atalaya.inbound.messages.notified")
                .description("Inbound messages whose notifications were made")
                .register(meters);
        this.latency = Timer.builder("atalaya.inbound.notify.latency")
                .description("From acknowledgement until the message's notifications are committed")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * In the inbound pipeline's transaction: one in-app notification per (message, recipient,
     * kind). The e-mail, slow and fallible, is its own event, sent once the notification committed.
     * What a batch's messages share (workspace, members, presence, preferences, notifications
     * made before) is read once per batch.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MessagesReceived batch) {
        batch.messages().stream()
                .collect(Collectors.groupingBy(MessageReceived::workspaceId, LinkedHashMap::new, Collectors.toList()))
                .forEach(this::notify);
    }

    private void notify(UUID workspaceId, List<MessageReceived> received) {
        WorkspaceView workspace = directory.byId(workspaceId).orElseThrow();
        List<WorkspaceDirectory.MemberView> members = directory.members(workspaceId);
        Map<UUID, WorkspaceDirectory.MemberView> byId =
                members.stream().collect(Collectors.toMap(WorkspaceDirectory.MemberView::userId, Function.identity()));
        Set<Made> made = notifications
                .findByWorkspaceIdAndMessageIdIn(
                        workspaceId,
                        received.stream().map(MessageReceived::messageId).toList())
                .stream()
                .map(n -> new Made(n.getMessageId(), n.getUserId(), n.getKind()))
                .collect(Collectors.toSet());
        Map<NotificationPreference.Key, NotificationPreference> preferences = new HashMap<>();
        // Nobody of the workspace online and a way to mail: asked once per batch, if a new conversation needs it.
        boolean mailable = received.stream().anyMatch(m -> m.newConversation() && !m.automated())
                && !presence.anyoneAvailable(workspaceId)
                && canMail(workspaceId);
        for (MessageReceived event : received) {
            Set<UUID> recipients = new LinkedHashSet<>();
            if (event.newConversation() || event.assigneeId() == null) {
                members.stream()
                        .filter(m -> m.role() == Role.ADMIN || m.role() == Role.MANAGER)
                        .forEach(m -> recipients.add(m.userId()));
            }
            if (event.assigneeId() != null) {
                recipients.add(event.assigneeId());
            }
            NotificationKind kind =
                    event.newConversation() ? NotificationKind.NEW_CONVERSATION : NotificationKind.NEW_MESSAGE;
            String url = conversationUrl(workspace, event.conversationId());
            boolean mailIfWanted = event.newConversation() && !event.automated() && mailable;
            for (UUID userId : recipients) {
                if (!byId.containsKey(userId) || !made.add(new Made(event.messageId(), userId, kind))) {
                    continue;
                }
                String title = messages.getMessage(
                        "notify." + kind.name(),
                        new Object[] {event.conversationNumber(), event.contactName()},
                        locale(userId));
                NotificationPreference pref = preferences.computeIfAbsent(
                        new NotificationPreference.Key(userId, kind), k -> preference(k.userId(), k.kind()));
                deliverInApp(
                        workspaceId,
                        userId,
                        kind,
                        event.conversationId(),
                        event.messageId(),
                        title,
                        event.preview(),
                        url,
                        pref);
                if (mailIfWanted && pref.isEmail()) {
                    events.publishEvent(new NotificationMailRequested(
                            workspaceId, event.messageId(), userId, title, event.preview(), url));
                }
            }
        }
        countAfterCommit(received);
    }

    /** A notification's natural key: one per (message, recipient, kind). */
    private record Made(UUID messageId, UUID userId, NotificationKind kind) {}

    /** Sent with a Message-ID derived from (message, recipient): a resend after a crash is the same mail. */
    @ApplicationModuleListener
    void on(NotificationMailRequested request) {
        WorkspaceView workspace = directory.byId(request.workspaceId()).orElseThrow();
        directory.members(request.workspaceId()).stream()
                .filter(m -> m.userId().equals(request.userId()))
                .findFirst()
                .ifPresent(member -> mail(
                        workspace,
                        member,
                        UUID.nameUUIDFromBytes(
                                (request.messageId() + "/" + request.userId()).getBytes(StandardCharsets.UTF_8)),
                        request.title(),
                        request.preview(),
                        request.url(),
                        locale(request.userId())));
    }

    @ApplicationModuleListener
    void on(ConversationAssigned event) {
        if (event.assigneeId() == null || event.assigneeId().equals(event.byUserId())) {
            return;
        }
        WorkspaceView workspace = directory.byId(event.workspaceId()).orElseThrow();
        String by = event.byUserId() == null
                ? ""
                : directory.displayNames(List.of(event.byUserId())).getOrDefault(event.byUserId(), "");
        String title = messages.getMessage(
                "notify.ASSIGNED", new Object[] {event.conversationNumber(), by}, locale(event.assigneeId()));
        deliverInApp(
                event.workspaceId(),
                event.assigneeId(),
                NotificationKind.ASSIGNED,
                event.conversationId(),
                null,
                title,
                null,
                conversationUrl(workspace, event.conversationId()),
                preference(event.assigneeId(), NotificationKind.ASSIGNED));
    }

    private void deliverInApp(
            UUID workspaceId,
            UUID userId,
            NotificationKind kind,
            UUID conversationId,
            UUID messageId,
            String title,
            String body,
            String url,
            NotificationPreference pref) {
        UUID id = UUID.randomUUID();
        if (pref.isInApp()) {
            Notification notification =
                    new Notification(workspaceId, userId, kind, conversationId, messageId, title, body);
            entities.persist(notification);
            id = notification.getId();
        }
        if (pref.isInApp() || pref.isBrowser()) {
            events.publishEvent(new NotificationCreated(workspaceId, userId, id, title, body, url, pref.isBrowser()));
        }
    }

    private void mail(
            WorkspaceView workspace,
            WorkspaceDirectory.MemberView to,
            UUID mailId,
            String title,
            String preview,
            String url,
            Locale locale) {
        WorkspaceMailer mailer = mailers.getIfAvailable();
        if (!canMail(workspace.id())) {
            log.info(
                    "No e-mail channel in workspace {}: notification e-mail to {} not sent",
                    workspace.slug(),
                    to.email());
            return;
        }
        String text = messages.getMessage(
                "notify.email.body",
                new Object[] {title, preview == null ? "" : preview, url, workspace.name()},
                locale);
        try {
            mailer.send(
                    workspace.id(),
                    mailId,
                    new Party(IdentityKind.EMAIL, to.email(), to.displayName()),
                    "[Atalaya] " + title,
                    text,
                    null,
                    List.of());
        } catch (DeliveryException e) {
            log.warn("Notification e-mail to {} failed: {}", to.email(), e.getMessage());
        }
    }

    private boolean canMail(UUID workspaceId) {
        WorkspaceMailer mailer = mailers.getIfAvailable();
        return mailer != null && mailer.canSend(workspaceId);
    }

    private void countAfterCommit(List<MessageReceived> received) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Instant now = Instant.now();
                notified.increment(received.size());
                received.stream()
                        .map(MessageReceived::acceptedAt)
                        .filter(java.util.Objects::nonNull)
                        .forEach(at -> latency.record(Duration.between(at, now)));
            }
        });
    }

    @Transactional(readOnly = true)
    public Page<Notification> page(UUID workspaceId, UUID userId, int page) {
        return notifications.findByUserIdAndWorkspaceIdOrderByCreatedAtDesc(
                userId, workspaceId, PageRequest.of(Math.max(page, 0), 30));
    }

    @Transactional(readOnly = true)
    public long unread(UUID workspaceId, UUID userId) {
        return notifications.countByUserIdAndWorkspaceIdAndReadAtIsNull(userId, workspaceId);
    }

    public void markAllRead(UUID workspaceId, UUID userId) {
        notifications.markAllRead(userId, workspaceId, java.time.Instant.now());
    }

    public java.util.Optional<Notification> open(UUID workspaceId, UUID userId, UUID notificationId) {
        return notifications
                .findByIdAndUserIdAndWorkspaceId(notificationId, userId, workspaceId)
                .map(n -> {
                    n.markRead(java.time.Instant.now());
                    return n;
                });
    }

    @Transactional(readOnly = true)
    public List<NotificationPreference> preferences(UUID userId) {
        Map<NotificationKind, NotificationPreference> saved = preferences.findByKeyUserId(userId).stream()
                .collect(Collectors.toMap(NotificationPreference::getKind, Function.identity()));
        return java.util.Arrays.stream(NotificationKind.values())
                .map(k -> saved.getOrDefault(k, NotificationPreference.defaults(userId, k)))
                .toList();
    }

    public void changePreference(UUID userId, NotificationKind kind, boolean inApp, boolean browser, boolean email) {
        preferences
                .findById(new NotificationPreference.Key(userId, kind))
                .orElseGet(() -> preferences.save(NotificationPreference.defaults(userId, kind)))
                .change(inApp, browser, email);
    }

    private NotificationPreference preference(UUID userId, NotificationKind kind) {
        return preferences
                .findById(new NotificationPreference.Key(userId, kind))
                .orElseGet(() -> NotificationPreference.defaults(userId, kind));
    }

    private Locale locale(UUID userId) {
        return directory
                .preferredLocale(userId)
                .filter(l -> !l.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(Locale.forLanguageTag("es"));
    }

    private String conversationUrl(WorkspaceView workspace, UUID conversationId) {
        return publicBaseUrl() + "/w/" + workspace.slug() + "/inbox?status=ANY&c=" + conversationId;
    }

    /** The configured public address, else this server on localhost. */
    private String publicBaseUrl() {
        return baseUrl.isBlank()
                ? "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : baseUrl;
    }
}
