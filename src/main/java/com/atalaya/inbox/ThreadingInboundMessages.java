package com.atalaya.inbox;

import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.InboundMessageReceived;
import com.atalaya.channels.InboundMessagesReceived;
import com.atalaya.channels.Party;
import com.atalaya.identity.WorkspaceCreated;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(WorkspaceCreated event) {
        conversations.createCounter(event.workspaceId());
    }

    /**
     * Runs in the inbound pipeline's batch transaction; what it publishes is handled in it too. A
     * batch is read with one query per kind of lookup (already stored, senders, open threads),
     * what it creates is kept in {@link Batch} for the messages after it, and its rows are
     * flushed once, before {@link MessagesReceived} goes to triage and notifications.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(InboundMessagesReceived event) {
        Batch batch = new Batch(event.messages());
        List<MessageReceived> appended = new ArrayList<>();
        for (InboundMessageReceived received : event.messages()) {
            append(received, batch).ifPresent(appended::add);
        }
        if (!appended.isEmpty()) {
            batch.createdParentsFirst().forEach(entities::persist);
            entities.flush();
            events.publishEvent(new MessagesReceived(appended));
        }
    }

    private Optional<MessageReceived> append(InboundMessageReceived event, Batch batch) {
        InboundMessage in = event.message();
        if (!batch.firstTime(event.connectionId(), in.providerMessageId())) {
            return Optional.empty();
        }
        Instant sent = in.sentAt() == null || in.sentAt().isAfter(Instant.now()) ? Instant.now() : in.sentAt();
        Contact contact = resolveContact(event.workspaceId(), in.sender(), batch);
        Optional<Conversation> existing = findThread(event, in, batch);
        // A thread reads in arrival order: a reply never sorts before what it answers (Date headers lag).
        Instant at = existing.map(c -> c.getLastMessageAt().isBefore(sent) ? sent : Instant.now())
                .orElse(sent);
        boolean isNew = existing.isEmpty();
        Conversation conversation = existing.orElseGet(() -> batch.opened(
                event.connectionId(),
                batch.create(new Conversation(
                        event.workspaceId(),
                        conversations.nextNumber(event.workspaceId()),
                        newToken(),
                        event.connectionId(),
                        event.channelType(),
                        contact.getId(),
                        in.threadKey(),
                        in.sender(),
                        Texts.limit(in.subject(), 500),
                        at))));
        String text = Texts.limit(in.text() == null ? "" : in.text(), Texts.MAX_BODY);
        Message message = batch.create(new Message(
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
        batch.stored(message, conversation);
        in.attachments()
                .forEach(f -> batch.create(
                        new MessageAttachment(message.getId(), f.id(), f.fileName(), f.contentType(), f.sizeBytes())));
        // Whoever quotes a conversation's reference joins its thread, but replies keep going to its contact.
        if (isNew || conversation.getContactId().equals(contact.getId())) {
            conversation.replyTo(in.sender());
        } else {
            message.markFromOtherSender();
        }
        conversation.appendInbound(Texts.preview(text), at);
        return Optional.of(new MessageReceived(
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

    private Optional<Conversation> findThread(InboundMessageReceived event, InboundMessage in, Batch batch) {
        if (!in.references().isEmpty()) {
            List<String> recentFirst = new ArrayList<>(in.references());
            java.util.Collections.reverse(recentFirst);
            Optional<Conversation> inBatch = batch.conversationOfReference(event.workspaceId(), recentFirst);
            if (inBatch.isPresent()) {
                return inBatch;
            }
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
            return batch.latestOfThread(event.connectionId(), in.threadKey())
                    .filter(c -> c.getStatus() != ConversationStatus.RESOLVED);
        }
        return Optional.empty();
    }

    private Contact resolveContact(UUID workspaceId, Party sender, Batch batch) {
        String address = normalize(sender);
        return batch.contact(workspaceId, sender.kind(), address)
                .map(c -> {
                    if ((c.getName() == null || c.getName().isBlank()) && sender.displayName() != null) {
                        c.setName(Texts.limit(sender.displayName(), 200));
                    }
                    return c;
                })
                .orElseGet(() -> {
                    Contact contact = batch.create(new Contact(workspaceId, Texts.limit(sender.displayName(), 200)));
                    batch.create(new ContactIdentity(workspaceId, contact.getId(), sender.kind(), address));
                    batch.known(workspaceId, sender.kind(), address, contact);
                    return contact;
                });
    }

    /**
     * What a batch already holds or has created: read for the whole batch, workspace by
     * workspace, before its first message, and kept up to date as its messages are appended.
     */
    private final class Batch {

        private record SenderKey(UUID workspaceId, IdentityKind kind, String address) {}

        private record ThreadKey(UUID connectionId, String threadKey) {}

        private record ProviderKey(UUID connectionId, String providerMessageId) {}

        private record WorkspaceReference(UUID workspaceId, String providerMessageId) {}

        private final Set<ProviderKey> stored = new HashSet<>();
        private final Map<SenderKey, Contact> contacts = new HashMap<>();
        private final Map<ThreadKey, Conversation> threads = new HashMap<>();
        private final Map<WorkspaceReference, Conversation> references = new HashMap<>();

        /**
         * New rows, persisted (not merged: a merge reads the row first) together after the
         * batch's last message, parents before children: the ids are plain columns, so
         * Hibernate's insert ordering cannot see the foreign keys.
         */
        private final List<Object> created = new ArrayList<>();

        private static final List<Class<?>> PARENTS_FIRST = List.of(
                Contact.class, ContactIdentity.class, Conversation.class, Message.class, MessageAttachment.class);

        <T> T create(T entity) {
            created.add(entity);
            return entity;
        }

        List<Object> createdParentsFirst() {
            List<Object> ordered = new ArrayList<>(created);
            ordered.sort(java.util.Comparator.comparingInt(e -> PARENTS_FIRST.indexOf(e.getClass())));
            return ordered;
        }

        Batch(List<InboundMessageReceived> received) {
            Map<UUID, List<InboundMessageReceived>> byWorkspace = received.stream()
                    .collect(Collectors.groupingBy(
                            InboundMessageReceived::workspaceId, LinkedHashMap::new, Collectors.toList()));
            byWorkspace.forEach(this::read);
        }

        private void read(UUID workspaceId, List<InboundMessageReceived> received) {
            Set<String> providerIds = received.stream()
                    .map(r -> r.message().providerMessageId())
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            messages.findByWorkspaceIdAndProviderMessageIdIn(workspaceId, providerIds).stream()
                    .filter(m -> m.getConnectionId() != null)
                    .forEach(m -> stored.add(new ProviderKey(m.getConnectionId(), m.getProviderMessageId())));

            Set<IdentityKind> kinds = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            received.forEach(r -> {
                kinds.add(r.message().sender().kind());
                addresses.add(normalize(r.message().sender()));
            });
            List<ContactIdentity> found =
                    identities.findByWorkspaceIdAndKindInAndAddressIn(workspaceId, kinds, addresses);
            Map<UUID, Contact> byId = found.isEmpty()
                    ? Map.of()
                    : ThreadingInboundMessages.this
                            .contacts
                            .findByWorkspaceIdAndIdIn(
                                    workspaceId,
                                    found.stream()
                                            .map(ContactIdentity::getContactId)
                                            .collect(Collectors.toSet()))
                            .stream()
                            .collect(Collectors.toMap(Contact::getId, c -> c));
            found.forEach(i -> {
                Contact contact = byId.get(i.getContactId());
                if (contact != null) {
                    contacts.put(new SenderKey(workspaceId, i.getKind(), i.getAddress()), contact);
                }
            });

            Set<UUID> connections = new HashSet<>();
            Set<String> threadKeys = new HashSet<>();
            received.stream().filter(r -> r.message().threadKey() != null).forEach(r -> {
                connections.add(r.connectionId());
                threadKeys.add(r.message().threadKey());
            });
            if (!threadKeys.isEmpty()) {
                conversations
                        .findLatestOfThreads(workspaceId, connections, threadKeys)
                        .forEach(c -> threads.merge(
                                new ThreadKey(c.getConnectionId(), c.getThreadKey()),
                                c,
                                (a, b) -> a.getCreatedAt().isAfter(b.getCreatedAt()) ? a : b));
            }
        }

        /** False when this provider message is stored already (a redelivery): it is skipped. */
        boolean firstTime(UUID connectionId, String providerMessageId) {
            return providerMessageId == null || stored.add(new ProviderKey(connectionId, providerMessageId));
        }

        Optional<Contact> contact(UUID workspaceId, IdentityKind kind, String address) {
            return Optional.ofNullable(contacts.get(new SenderKey(workspaceId, kind, address)));
        }

        void known(UUID workspaceId, IdentityKind kind, String address, Contact contact) {
            contacts.put(new SenderKey(workspaceId, kind, address), contact);
        }

        Optional<Conversation> latestOfThread(UUID connectionId, String threadKey) {
            return Optional.ofNullable(threads.get(new ThreadKey(connectionId, threadKey)));
        }

        Conversation opened(UUID connectionId, Conversation conversation) {
            if (conversation.getThreadKey() != null) {
                threads.put(new ThreadKey(connectionId, conversation.getThreadKey()), conversation);
            }
            return conversation;
        }

        void stored(Message message, Conversation conversation) {
            if (message.getProviderMessageId() != null) {
                references.put(
                        new WorkspaceReference(message.getWorkspaceId(), message.getProviderMessageId()), conversation);
            }
        }

        /** A message of this batch that a later one answers (most recent reference first). */
        Optional<Conversation> conversationOfReference(UUID workspaceId, List<String> recentFirst) {
            return recentFirst.stream()
                    .map(id -> references.get(new WorkspaceReference(workspaceId, id)))
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
        }
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
