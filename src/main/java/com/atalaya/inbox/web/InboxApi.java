package com.atalaya.inbox.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.inbox.Contact;
import com.atalaya.inbox.ContactBook;
import com.atalaya.inbox.ContactIdentity;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.ConversationStatus;
import com.atalaya.inbox.Message;
import com.atalaya.inbox.Priority;
import com.atalaya.inbox.WorkingConversations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Inbox", description = "Conversations, messages and contacts of one workspace")
class InboxApi {

    record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
        static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> map) {
            return new PageResponse<>(
                    page.getContent().stream().map(map).toList(),
                    page.getNumber(),
                    page.getSize(),
                    page.getTotalElements(),
                    page.getTotalPages());
        }
    }

    record ConversationView(
            UUID id,
            long number,
            String channel,
            UUID channelConnectionId,
            UUID contactId,
            String contactAddress,
            String subject,
            ConversationStatus status,
            Instant snoozedUntil,
            Priority priority,
            UUID assigneeId,
            UUID teamId,
            Set<String> tags,
            String preview,
            int messageCount,
            Instant createdAt,
            Instant lastMessageAt,
            Long firstResponseSeconds,
            String referenceToken) {
        static ConversationView of(Conversation c) {
            return new ConversationView(
                    c.getId(),
                    c.getNumber(),
                    c.getChannelType(),
                    c.getConnectionId(),
                    c.getContactId(),
                    c.replyTo().address(),
                    c.getSubject(),
                    c.getStatus(),
                    c.getSnoozedUntil(),
                    c.getPriority(),
                    c.getAssigneeId(),
                    c.getTeamId(),
                    c.getTags(),
                    c.getPreview(),
                    c.getMessageCount(),
                    c.getCreatedAt(),
                    c.getLastMessageAt(),
                    c.getFirstResponseSeconds(),
                    c.getReferenceToken());
        }
    }

    record MessageView(
            UUID id,
            String kind,
            String authorName,
            UUID authorUserId,
            String text,
            String html,
            String deliveryStatus,
            String deliveryError,
            boolean automated,
            Instant createdAt) {
        static MessageView of(Message m) {
            return new MessageView(
                    m.getId(),
                    m.getKind().name(),
                    m.getAuthorName(),
                    m.getAuthorUserId(),
                    m.getBodyText(),
                    m.getBodyHtml(),
                    m.getDeliveryStatus() == null ? null : m.getDeliveryStatus().name(),
                    m.getDeliveryError(),
                    m.isAutomated(),
                    m.getCreatedAt());
        }
    }

    record NewMessage(String text, Boolean privateNote) {}

    record ConversationChange(
            ConversationStatus status,
            Instant snoozedUntil,
            String assigneeId,
            String teamId,
            Priority priority,
            Set<String> tags) {}

    record IdentityView(String kind, String address) {
        static IdentityView of(ContactIdentity i) {
            return new IdentityView(i.getKind().name(), i.getAddress());
        }
    }

    record ContactView(
            UUID id, String name, Instant createdAt, List<IdentityView> identities, List<UUID> conversationIds) {}

    private final WorkspaceAccess access;
    private final WorkingConversations conversations;
    private final ContactBook contacts;

    InboxApi(WorkspaceAccess access, WorkingConversations conversations, ContactBook contacts) {
        this.access = access;
        this.conversations = conversations;
        this.contacts = contacts;
    }

    @GetMapping("/conversations")
    @Operation(summary = "List conversations, newest activity first")
    PageResponse<ConversationView> list(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @Parameter(description = "OPEN, PENDING, SNOOZED or RESOLVED; all when omitted")
                    @RequestParam(required = false)
                    ConversationStatus status,
            @Parameter(description = "me, unassigned, any or a user id") @RequestParam(defaultValue = "any")
                    String assignee,
            @Parameter(description = "channel type: email, webchat, contact-form…") @RequestParam(required = false)
                    String channel,
            @Parameter(description = "text in the subject, messages, contact name or address")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "only this priority") @RequestParam(required = false) Priority priority,
            @Parameter(description = "recent (newest activity first) or priority (most urgent first)")
                    @RequestParam(defaultValue = "recent")
                    String sort,
            @Parameter(description = "page number, from 0 to 10,000") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "items per page, from 1 to 100") @RequestParam(defaultValue = "25") int size) {
        Member member = access.require(me, workspaceId);
        if (!sort.equals("recent") && !sort.equals("priority")) {
            throw new InvalidInputException("sort", "api.sort", "sort must be recent or priority");
        }
        ConversationQuery query =
                new ConversationQuery(status, assignee, channel, null, q, priority, sort.equals("priority"));
        return PageResponse.of(conversations.list(member, query, page, size), ConversationView::of);
    }

    @GetMapping("/conversations/{conversationId}")
    @Operation(summary = "One conversation")
    ConversationView get(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @PathVariable UUID conversationId) {
        return ConversationView.of(conversations.conversation(access.require(me, workspaceId), conversationId));
    }

    @GetMapping("/conversations/{conversationId}/messages")
    @Operation(summary = "Messages and private notes of a conversation, oldest first")
    PageResponse<MessageView> messages(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @PathVariable UUID conversationId,
            @Parameter(description = "page number, from 0 to 10,000") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "items per page, from 1 to 200") @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(
                conversations.messages(access.require(me, workspaceId), conversationId, page, size), MessageView::of);
    }

    @PostMapping("/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the customer through the conversation's channel, or add a private note")
    MessageView post(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @PathVariable UUID conversationId,
            @RequestBody NewMessage body) {
        if (body == null) {
            throw new InvalidInputException("text", "reply.empty", "Write a message first");
        }
        return MessageView.of(conversations.post(
                access.require(me, workspaceId), conversationId, body.text(), Boolean.TRUE.equals(body.privateNote())));
    }

    @PatchMapping("/conversations/{conversationId}")
    @Operation(summary = "Change status, assignee (a user id or \"none\"), team, priority or tags")
    ConversationView change(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @PathVariable UUID conversationId,
            @RequestBody ConversationChange body) {
        if (body == null) {
            throw new InvalidInputException(null, "validation.emptyChange", "Nothing to change");
        }
        return ConversationView.of(conversations.change(
                access.require(me, workspaceId),
                conversationId,
                new WorkingConversations.Change(
                        body.status(),
                        body.snoozedUntil(),
                        body.assigneeId(),
                        body.teamId(),
                        body.priority(),
                        body.tags())));
    }

    @GetMapping("/contacts")
    @Operation(summary = "Search contacts by name or address")
    PageResponse<ContactView> contacts(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 0 to 10,000") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "items per page, from 1 to 100") @RequestParam(defaultValue = "25") int size) {
        Member member = access.require(me, workspaceId);
        Page<Contact> result = contacts.search(member, q, page, size);
        Map<UUID, List<ContactIdentity>> identities = contacts.identitiesOf(member, result.getContent());
        return PageResponse.of(
                result,
                c -> new ContactView(
                        c.getId(),
                        c.getName(),
                        c.getCreatedAt(),
                        identities.getOrDefault(c.getId(), List.of()).stream()
                                .map(IdentityView::of)
                                .toList(),
                        null));
    }

    @GetMapping("/contacts/{contactId}")
    @Operation(summary = "One contact with identities and conversations")
    ContactView contact(
            @AuthenticationPrincipal AtalayaUser me, @PathVariable UUID workspaceId, @PathVariable UUID contactId) {
        var profile = contacts.profile(access.require(me, workspaceId), contactId);
        Contact c = profile.contact();
        return new ContactView(
                c.getId(),
                c.getName(),
                c.getCreatedAt(),
                profile.identities().stream().map(IdentityView::of).toList(),
                profile.conversations().stream().map(Conversation::getId).toList());
    }
}
