package com.atalaya.inbox;

import com.atalaya.channels.OutboundMessageDelivered;
import com.atalaya.channels.OutboundMessageFailed;
import com.atalaya.channels.OutboundMessageRequested;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.Paging;
import com.atalaya.identity.TextInput;
import com.atalaya.identity.WorkspaceDirectory;
import com.atalaya.identity.WorkspaceNotFoundException;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an agent does with conversations: find, read, reply, note, assign, change status and tags. */
@Service
@Transactional
public class WorkingConversations {

    public record ConversationDetail(
            Conversation conversation,
            Contact contact,
            List<ContactIdentity> identities,
            List<Message> messages,
            Map<UUID, List<MessageAttachment>> attachments,
            List<Conversation> otherConversations) {}

    /** A change to apply; null fields stay as they are. {@code assigneeId} "none" unassigns. */
    public record Change(
            ConversationStatus status,
            Instant snoozedUntil,
            String assigneeId,
            String teamId,
            Priority priority,
            Set<String> tags) {}

    static final int MAX_REPLY = 50_000;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_MESSAGES_PAGE_SIZE = 200;

    private final Conversations conversations;
    private final Messages messages;
    private final MessageAttachments attachments;
    private final Contacts contacts;
    private final ContactIdentities identities;
    private final WorkspaceDirectory directory;
    private final ApplicationEventPublisher events;

    WorkingConversations(
            Conversations conversations,
            Messages messages,
            MessageAttachments attachments,
            Contacts contacts,
            ContactIdentities identities,
            WorkspaceDirectory directory,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
        this.contacts = contacts;
        this.identities = identities;
        this.directory = directory;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<Conversation> list(Member member, ConversationQuery query, int page, int size) {
        Specification<Conversation> spec = (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("workspaceId"), member.workspaceId()));
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            String assignee = query.assignee() == null ? "any" : query.assignee();
            switch (assignee) {
                case "any", "" -> {}
                case "me" -> where.add(cb.equal(root.get("assigneeId"), member.userId()));
                case "unassigned" -> where.add(cb.isNull(root.get("assigneeId")));
                default -> where.add(cb.equal(root.get("assigneeId"), parseUuid("assignee", assignee)));
            }
            if (query.channelType() != null && !query.channelType().isBlank()) {
                where.add(cb.equal(root.get("channelType"), query.channelType()));
            }
            if (query.teamId() != null) {
                where.add(cb.equal(root.get("teamId"), query.teamId()));
            }
            if (query.priority() != null) {
                where.add(cb.equal(root.get("priority"), query.priority()));
            }
            if (query.byPriority() && cq.getResultType() != Long.class && cq.getResultType() != long.class) {
                var rank = cb.<Integer>selectCase()
                        .when(cb.equal(root.get("priority"), Priority.URGENT), 0)
                        .when(cb.equal(root.get("priority"), Priority.HIGH), 1)
                        .when(cb.equal(root.get("priority"), Priority.NORMAL), 2)
                        .otherwise(3);
                cq.orderBy(cb.asc(rank), cb.desc(root.get("lastMessageAt")), cb.asc(root.get("id")));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String like = "%"
                        + query.text()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                Subquery<UUID> inMessages = cq.subquery(UUID.class);
                var m = inMessages.from(Message.class);
                inMessages
                        .select(m.get("conversationId"))
                        .where(
                                cb.equal(m.get("conversationId"), root.get("id")),
                                cb.like(cb.lower(m.get("bodyText")), like, '\\'));
                Subquery<UUID> inContact = cq.subquery(UUID.class);
                var c = inContact.from(Contact.class);
                inContact
                        .select(c.get("id"))
                        .where(
                                cb.equal(c.get("id"), root.get("contactId")),
                                cb.like(cb.lower(c.get("name")), like, '\\'));
                Subquery<UUID> inIdentity = cq.subquery(UUID.class);
                var i = inIdentity.from(ContactIdentity.class);
                inIdentity
                        .select(i.get("id"))
                        .where(
                                cb.equal(i.get("contactId"), root.get("contactId")),
                                cb.like(cb.lower(i.get("address")), like, '\\'));
                where.add(cb.or(
                        cb.like(cb.lower(root.get("subject")), like, '\\'),
                        cb.exists(inMessages),
                        cb.exists(inContact),
                        cb.exists(inIdentity)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort sort = query.byPriority()
                ? Sort.unsorted()
                : Sort.by(Sort.Direction.DESC, "lastMessageAt").and(Sort.by("id"));
        return conversations.findAll(spec, Paging.of(page, size, MAX_PAGE_SIZE, sort));
    }

    @Transactional(readOnly = true)
    public Conversation conversation(Member member, UUID conversationId) {
        return conversations
                .findByIdAndWorkspaceId(conversationId, member.workspaceId())
                .orElseThrow(ConversationNotFoundException::new);
    }

    /** What other modules need of a conversation of the member's workspace. */
    @Transactional(readOnly = true)
    public ConversationSummary summary(Member member, UUID conversationId) {
        Conversation conversation = conversation(member, conversationId);
        String contactName = contacts.findByIdAndWorkspaceId(conversation.getContactId(), member.workspaceId())
                .map(Contact::getName)
                .orElse(null);
        return new ConversationSummary(
                conversation.getId(), conversation.getReferenceToken(), conversation.getChannelType(), contactName);
    }

    @Transactional(readOnly = true)
    public ConversationDetail detail(Member member, UUID conversationId) {
        Conversation conversation = conversation(member, conversationId);
        Contact contact = contacts.findByIdAndWorkspaceId(conversation.getContactId(), member.workspaceId())
                .orElseThrow();
        List<Message> thread = messages.findByWorkspaceIdAndConversationIdOrderByCreatedAtAsc(
                member.workspaceId(), conversation.getId());
        Map<UUID, List<MessageAttachment>> files =
                attachments
                        .findByMessageIdIn(thread.stream().map(Message::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(MessageAttachment::getMessageId));
        List<Conversation> others =
                conversations
                        .findByWorkspaceIdAndContactIdOrderByLastMessageAtDesc(member.workspaceId(), contact.getId())
                        .stream()
                        .filter(c -> !c.getId().equals(conversation.getId()))
                        .limit(10)
                        .toList();
        return new ConversationDetail(
                conversation,
                contact,
                identities.findByWorkspaceIdAndContactId(member.workspaceId(), contact.getId()),
                thread,
                files,
                others);
    }

    @Transactional(readOnly = true)
    public Page<Message> messages(Member member, UUID conversationId, int page, int size) {
        Conversation conversation = conversation(member, conversationId);
        return messages.findByWorkspaceIdAndConversationIdOrderByCreatedAtAsc(
                member.workspaceId(), conversation.getId(), Paging.of(page, size, MAX_MESSAGES_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public MessageAttachment attachment(Member member, UUID messageId, UUID attachmentId) {
        Message message = messages.findByIdAndWorkspaceId(messageId, member.workspaceId())
                .orElseThrow(ConversationNotFoundException::new);
        return attachments
                .findByIdAndMessageId(attachmentId, message.getId())
                .orElseThrow(ConversationNotFoundException::new);
    }

    /** Sends a reply through the conversation's channel, or adds a private note. */
    public Message post(Member member, UUID conversationId, String text, boolean privateNote) {
        requireAgent(member);
        Conversation conversation = conversation(member, conversationId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("text", "reply.empty", "Write a message first");
        }
        if (body.length() > MAX_REPLY) {
            throw new InvalidInputException(
                    "text", "validation.tooLong", "At most " + MAX_REPLY + " characters", MAX_REPLY);
        }
        if (TextInput.hasControlCharacter(body)) {
            throw new InvalidInputException(
                    "text", "validation.control", "Remove the control characters (such as NUL)");
        }
        Instant now = Instant.now();
        if (privateNote) {
            Message note = messages.save(new Message(
                    member.workspaceId(),
                    conversation.getId(),
                    MessageKind.NOTE,
                    member.userId(),
                    member.displayName(),
                    body,
                    null,
                    null,
                    null,
                    false,
                    now));
            conversation.appendNote(now);
            events.publishEvent(
                    new ConversationChanged(member.workspaceId(), conversation.getId(), "note", member.userId()));
            return note;
        }
        List<Message> thread = messages.findByWorkspaceIdAndConversationIdOrderByCreatedAtAsc(
                member.workspaceId(), conversation.getId());
        Message reply = messages.save(new Message(
                member.workspaceId(),
                conversation.getId(),
                MessageKind.OUTBOUND,
                member.userId(),
                member.displayName(),
                body,
                null,
                conversation.getConnectionId(),
                null,
                false,
                now));
        conversation.appendOutbound(Texts.preview(body), now);
        if (conversation.getAssigneeId() == null) {
            conversation.assign(member.userId());
        }
        List<String> references = thread.stream()
                .map(Message::getProviderMessageId)
                .filter(id -> id != null && !id.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .toList();
        String inReplyTo = thread.stream()
                .filter(m -> m.getKind() == MessageKind.INBOUND)
                .reduce((a, b) -> b)
                .map(Message::getProviderMessageId)
                .orElse(null);
        events.publishEvent(new OutboundMessageRequested(
                member.workspaceId(),
                reply.getId(),
                conversation.getId(),
                conversation.getConnectionId(),
                conversation.replyTo(),
                replySubject(conversation.getSubject()),
                body,
                null,
                inReplyTo,
                references.size() > 20 ? references.subList(references.size() - 20, references.size()) : references,
                conversation.getReferenceToken(),
                conversation.getThreadKey(),
                member.displayName()));
        events.publishEvent(
                new ConversationChanged(member.workspaceId(), conversation.getId(), "reply", member.userId()));
        return reply;
    }

    public Conversation change(Member member, UUID conversationId, Change change) {
        requireAgent(member);
        Conversation conversation = conversation(member, conversationId);
        if (change.status() != null) {
            if (change.status() == ConversationStatus.SNOOZED
                    && (change.snoozedUntil() == null || change.snoozedUntil().isBefore(Instant.now()))) {
                throw new InvalidInputException(
                        "snoozedUntil", "conversation.snoozeFuture", "Snooze until a time in the future");
            }
            conversation.changeStatus(change.status(), change.snoozedUntil());
        }
        if (change.assigneeId() != null) {
            UUID before = conversation.getAssigneeId();
            UUID assignee =
                    "none".equals(change.assigneeId()) || change.assigneeId().isBlank()
                            ? null
                            : parseUuid("assigneeId", change.assigneeId());
            if (assignee != null
                    && directory.member(member.workspaceId(), assignee).isEmpty()) {
                throw new InvalidInputException(
                        "assigneeId",
                        "conversation.assigneeNotMember",
                        "The assignee is not a member of this workspace");
            }
            conversation.assign(assignee);
            if (!java.util.Objects.equals(before, assignee)) {
                events.publishEvent(new ConversationAssigned(
                        member.workspaceId(),
                        conversation.getId(),
                        conversation.getNumber(),
                        assignee,
                        member.userId()));
            }
        }
        if (change.teamId() != null) {
            UUID team = "none".equals(change.teamId()) || change.teamId().isBlank()
                    ? null
                    : parseUuid("teamId", change.teamId());
            if (team != null && directory.team(member.workspaceId(), team).isEmpty()) {
                throw new InvalidInputException("teamId", "conversation.teamUnknown", "No such team in this workspace");
            }
            conversation.assignTeam(team);
        }
        if (change.priority() != null) {
            conversation.changePriority(change.priority());
        }
        if (change.tags() != null) {
            conversation.getTags().clear();
            conversation.getTags().addAll(normalizeTags(change.tags()));
        }
        events.publishEvent(
                new ConversationChanged(member.workspaceId(), conversation.getId(), "updated", member.userId()));
        return conversation;
    }

    /** Display names of the contacts of the given conversations (one query for a whole page). */
    @Transactional(readOnly = true)
    public Map<UUID, String> contactNames(Member member, List<Conversation> page) {
        var ids = page.stream().map(Conversation::getContactId).distinct().toList();
        Map<UUID, String> names = new java.util.HashMap<>();
        contacts.findByWorkspaceIdAndIdIn(member.workspaceId(), ids).forEach(c -> names.put(c.getId(), c.getName()));
        page.forEach(c -> names.putIfAbsent(c.getContactId(), c.replyTo().address()));
        return names;
    }

    @Transactional(readOnly = true)
    public long openCount(Member member) {
        return conversations.countByWorkspaceIdAndStatusIn(member.workspaceId(), List.of(ConversationStatus.OPEN));
    }

    @ApplicationModuleListener
    void on(OutboundMessageDelivered event) {
        messages.findByIdAndWorkspaceId(event.messageId(), event.workspaceId()).ifPresent(m -> {
            m.delivered(event.providerMessageId());
            events.publishEvent(new ConversationChanged(event.workspaceId(), m.getConversationId(), "delivered", null));
        });
    }

    @ApplicationModuleListener
    void on(OutboundMessageFailed event) {
        messages.findByIdAndWorkspaceId(event.messageId(), event.workspaceId()).ifPresent(m -> {
            if (m.getDeliveryStatus() != DeliveryStatus.DELIVERED) {
                m.failed(event.reason(), event.retrying());
                events.publishEvent(
                        new ConversationChanged(event.workspaceId(), m.getConversationId(), "failed", null));
            }
        });
    }

    @Scheduled(fixedDelayString = "${atalaya.inbox.snooze-check-every:60s}")
    @SchedulerLock(name = "snooze-wake-up", lockAtMostFor = "PT5M")
    void wakeSnoozed() {
        conversations
                .findByStatusAndSnoozedUntilBefore(ConversationStatus.SNOOZED, Instant.now())
                .forEach(c -> {
                    c.changeStatus(ConversationStatus.OPEN, null);
                    events.publishEvent(new ConversationChanged(c.getWorkspaceId(), c.getId(), "woke", null));
                });
    }

    static Set<String> normalizeTags(Collection<String> tags) {
        Set<String> clean = new java.util.TreeSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 60) {
                throw new InvalidInputException("tags", "validation.tooLong", "A tag has at most 60 characters", 60);
            }
            clean.add(t);
        }
        if (clean.size() > 30) {
            throw new InvalidInputException("tags", "conversation.tooManyTags", "At most 30 tags");
        }
        return clean;
    }

    static String replySubject(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    }

    private static UUID parseUuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.id", "Not a valid id");
        }
    }

    private static void requireAgent(Member member) {
        if (!member.role().canWorkConversations()) {
            throw new NotPermittedException("Analysts can read conversations but not change them");
        }
    }

    /** The conversation does not exist in this workspace. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static class ConversationNotFoundException extends WorkspaceNotFoundException {
        public ConversationNotFoundException() {
            super("No such conversation, message or contact in this workspace.");
        }
    }
}
