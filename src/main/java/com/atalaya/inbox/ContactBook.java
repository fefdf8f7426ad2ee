package com.atalaya.inbox;

import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.Paging;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts of a workspace: search, profile, and merging two records of the same customer. */
@Service
@Transactional
public class ContactBook {

    public record ContactProfile(Contact contact, List<ContactIdentity> identities, List<Conversation> conversations) {}

    static final int MAX_PAGE_SIZE = 100;

    private final Contacts contacts;
    private final ContactIdentities identities;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;

    ContactBook(
            Contacts contacts,
            ContactIdentities identities,
            Conversations conversations,
            ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.identities = identities;
        this.conversations = conversations;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<Contact> search(Member member, String q, int page, int size) {
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return contacts.search(member.workspaceId(), query, Paging.of(page, size, MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public ContactProfile profile(Member member, UUID contactId) {
        Contact contact = require(member, contactId);
        if (contact.getMergedInto() != null) {
            contact = require(member, contact.getMergedInto());
        }
        return new ContactProfile(
                contact,
                identities.findByWorkspaceIdAndContactId(member.workspaceId(), contact.getId()),
                conversations.findByWorkspaceIdAndContactIdOrderByLastMessageAtDesc(
                        member.workspaceId(), contact.getId()));
    }

    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<ContactIdentity>> identitiesOf(Member member, List<Contact> page) {
        return identities
                .findByWorkspaceIdAndContactIdIn(
                        member.workspaceId(), page.stream().map(Contact::getId).toList())
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(ContactIdentity::getContactId));
    }

    public void rename(Member member, UUID contactId, String name) {
        requireAgent(member);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInputException("name", "validation.required", "Give the contact a name (max. 200)");
        }
        require(member, contactId).setName(trimmed);
    }

    /** Moves every identity and conversation of {@code duplicateId} to {@code survivorId}. */
    public Contact merge(Member member, UUID survivorId, UUID duplicateId) {
        requireAgent(member);
        if (survivorId.equals(duplicateId)) {
            throw new InvalidInputException("duplicateId", "contact.mergeSelf", "Pick another contact to merge");
        }
        Contact survivor = require(member, survivorId);
        Contact duplicate = require(member, duplicateId);
        if (survivor.getMergedInto() != null || duplicate.getMergedInto() != null) {
            throw new InvalidInputException("duplicateId", "contact.alreadyMerged", "This contact was merged already");
        }
        identities
                .findByWorkspaceIdAndContactId(member.workspaceId(), duplicate.getId())
                .forEach(i -> i.moveTo(survivor.getId()));
        conversations
                .findByWorkspaceIdAndContactIdOrderByLastMessageAtDesc(member.workspaceId(), duplicate.getId())
                .forEach(c -> {
                    c.moveToContact(survivor.getId());
                    events.publishEvent(new ConversationChanged(
                            member.workspaceId(), c.getId(), "contact-merged", member.userId()));
                });
        if ((survivor.getName() == null || survivor.getName().isBlank()) && duplicate.getName() != null) {
            survivor.setName(duplicate.getName());
        }
        duplicate.mergeInto(survivor.getId());
        return survivor;
    }

    private Contact require(Member member, UUID contactId) {
        return contacts.findByIdAndWorkspaceId(contactId, member.workspaceId())
                .orElseThrow(WorkingConversations.ConversationNotFoundException::new);
    }

    private static void requireAgent(Member member) {
        if (!member.role().canWorkConversations()) {
            throw new NotPermittedException("Analysts can read contacts but not change them");
        }
    }
}
