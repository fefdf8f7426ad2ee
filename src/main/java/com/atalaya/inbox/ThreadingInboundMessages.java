package com.atalaya.inbox;

import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.InboundMessageReceived;
import com.atalaya.channels.Party;
import com.atalaya.identity.WorkspaceCreated;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns each accepted inbound message into a message of a conversation: resolves the contact by
 * the sender's identity and the thread by provider references, then the reference token in the
 * subject, then the channel's thread key. Idempotent per (connection, provider message id).
 */
@Service
class ThreadingInboundMessages {

    static final Pattern TOKEN = Pattern.compile("\\[#(ATL-[A-Z0-9]{6})]");
    private static final String TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Contacts contacts;
    private final ContactIdentities identities;
    private final Conversations conversations;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;

    ThreadingInboundMessages(
            Contacts contacts,
            ContactIdentities identities,
            Conversations conversations,
            Messages messages,
            ApplicationEventPublisher events,
            EntityManager entities) {
        this.contacts = contacts;
        this.identities = identities;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.entities = entities;
    }

    /** New rows with their ids already set: persisted, not merged (a merge reads the row first). */
    private <T> T persist(T entity) {
        entities.persist(entity);
        return entity;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(WorkspaceCreated event) {
        conversations.createCounter(event.workspaceId());
    }

    /** Runs in the inbound pipeline's batch transaction; what it publishes is handled in it too. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(InboundMessageReceived event) {
        InboundMessage in = event.message();
        if (messages.existsByConnectionIdAndProviderMessageId(event.connectionId(), in.providerMessageId())) {
            return;
        }
        Instant sent = in.sentAt() == null || in.sentAt().isAfter(Instant.now()) ? Instant.now() : in.sentAt();
        Contact contact = resolveContact(event.workspaceId(), in.sender());
        Optional<Conversation> existing = findThread(event, in);
        // A thread reads in arrival order: a reply never sorts before what it answers (Date headers lag).
        Instant at = existing.map(c -> c.getLastMessageAt().isBefore(sent) ? sent : Instant.now())
                .orElse(sent);
        boolean isNew = existing.isEmpty();
        Conversation conversation = existing.orElseGet(() -> persist(new Conversation(
                event.workspaceId(),
                conversations.nextNumber(event.workspaceId()),
                newToken(),
                event.connectionId(),
                event.channelType(),
                contact.getId(),
                in.threadKey(),
                in.sender(),
                Texts.limit(in.subject(), 500),
                at)));
        String text = Texts.limit(in.text() == null ? "" : in.text(), Texts.MAX_BODY);
        Message message = persist(new Message(
                event.workspaceId(),
                conversation.getId(),
                MessageKind.INBOUND,
                null,
                displayName(in.sender(), contact),
                text,
                in.html() == null ? null : Texts.limit(in.html(), Texts.MAX_BODY),
                event.connectionId(),
                in.providerMessageId(),
                in.automated(),
                at));
        in.attachments()
                .forEach(f -> persist(
                        new MessageAttachment(message.getId(), f.id(), f.fileName(), f.contentType(), f.sizeBytes())));
        // Whoever quotes a conversation's reference joins its thread, but replies keep going to its contact.
        if (isNew || conversation.getContactId().equals(contact.getId())) {
            conversation.replyTo(in.sender());
        } else {
            message.markFromOtherSender();
        }
        conversation.appendInbound(Texts.preview(text), at);
        events.publishEvent(new MessageReceived(
                event.workspaceId(),
                conversation.getId(),
                conversation.getNumber(),
                message.getId(),
                event.channelType(),
                displayName(in.sender(), contact),
                conversation.getSubject(),
                Texts.preview(text),
                isNew,
                in.automated(),
                conversation.getAssigneeId(),
                conversation.getTeamId(),
                event.acceptedAt()));
    }

    private Optional<Conversation> findThread(InboundMessageReceived event, InboundMessage in) {
        if (!in.references().isEmpty()) {
            List<String> recentFirst = new ArrayList<>(in.references());
            java.util.Collections.reverse(recentFirst);
            Optional<Conversation> byReference = messages.findFirstByWorkspaceIdAndProviderMessageIdIn(
                            event.workspaceId(), recentFirst)
                    .flatMap(m -> conversations.findByIdAndWorkspaceId(m.getConversationId(), event.workspaceId()));
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        if (in.subject() != null) {
            Matcher token = TOKEN.matcher(in.subject());
            if (token.find()) {
                Optional<Conversation> byToken =
                        conversations.findByWorkspaceIdAndReferenceToken(event.workspaceId(), token.group(1));
                if (byToken.isPresent()) {
                    return byToken;
                }
            }
        }
        if (in.threadKey() != null) {
            return conversations
                    .findFirstByConnectionIdAndThreadKeyOrderByCreatedAtDesc(event.connectionId(), in.threadKey())
                    .filter(c -> c.getStatus() != ConversationStatus.RESOLVED);
        }
        return Optional.empty();
    }

    private Contact resolveContact(UUID workspaceId, Party sender) {
        String address = normalize(sender);
        return identities
                .findByWorkspaceIdAndKindAndAddress(workspaceId, sender.kind(), address)
                .flatMap(i -> contacts.findByIdAndWorkspaceId(i.getContactId(), workspaceId))
                .map(c -> {
                    if ((c.getName() == null || c.getName().isBlank()) && sender.displayName() != null) {
                        c.setName(Texts.limit(sender.displayName(), 200));
                    }
                    return c;
                })
                .orElseGet(() -> {
                    Contact contact = persist(new Contact(workspaceId, Texts.limit(sender.displayName(), 200)));
                    persist(new ContactIdentity(workspaceId, contact.getId(), sender.kind(), address));
                    return contact;
                });
    }

    static String normalize(Party party) {
        String address = party.address().strip();
        return switch (party.kind()) {
            case EMAIL -> address.toLowerCase(java.util.Locale.ROOT);
            case PHONE -> address.replaceAll("[^+0-9]", "");
            default -> address;
        };
    }

    private static String displayName(Party sender, Contact contact) {
        if (sender.displayName() != null && !sender.displayName().isBlank()) {
            return Texts.limit(sender.displayName(), 200);
        }
        return contact.getName() != null ? contact.getName() : sender.address();
    }

    static String newToken() {
        StringBuilder token = new StringBuilder("ATL-");
        for (int i = 0; i < 6; i++) {
            token.append(TOKEN_ALPHABET.charAt(RANDOM.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }
}
