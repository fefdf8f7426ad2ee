package com.atalaya.inbox;

import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.Party;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SortNatural;

@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(nullable = false)
    private long number;

    @Column(name = "reference_token", nullable = false, unique = true)
    private String referenceToken;

    @Column(name = "connection_id", nullable = false)
    private UUID connectionId;

    @Column(name = "channel_type", nullable = false)
    private String channelType;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "thread_key")
    private String threadKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_to_kind", nullable = false)
    private IdentityKind replyToKind;

    @Column(name = "reply_to_address", nullable = false)
    private String replyToAddress;

    @Column(name = "reply_to_name")
    private String replyToName;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "assignee_id")
    private UUID assigneeId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "snoozed_until")
    private Instant snoozedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "last_inbound_at")
    private Instant lastInboundAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "first_response_seconds")
    private Long firstResponseSeconds;

    private String preview;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "conversation_tags", joinColumns = @JoinColumn(name = "conversation_id"))
    @Column(name = "tag")
    @SortNatural
    private SortedSet<String> tags = new TreeSet<>();

    @Version
    private long version;

    protected Conversation() {}

    Conversation(
            UUID workspaceId,
            long number,
            String referenceToken,
            UUID connectionId,
            String channelType,
            UUID contactId,
            String threadKey,
            Party replyTo,
            String subject,
            Instant at) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.number = number;
        this.referenceToken = referenceToken;
        this.connectionId = connectionId;
        this.channelType = channelType;
        this.contactId = contactId;
        this.threadKey = threadKey;
        replyTo(replyTo);
        this.subject = subject;
        this.status = ConversationStatus.OPEN;
        this.priority = Priority.NORMAL;
        this.createdAt = at;
        this.lastMessageAt = at;
    }

    void appendInbound(String preview, Instant at) {
        this.messageCount++;
        this.lastMessageAt = at.isAfter(lastMessageAt) ? at : lastMessageAt;
        this.lastInboundAt = at;
        this.preview = preview;
        if (status == ConversationStatus.RESOLVED
                || status == ConversationStatus.SNOOZED
                || status == ConversationStatus.PENDING) {
            this.status = ConversationStatus.OPEN;
            this.snoozedUntil = null;
        }
    }

    /** Answers go to whoever wrote last. */
    void replyTo(Party party) {
        this.replyToKind = party.kind();
        this.replyToAddress = party.address();
        this.replyToName = party.displayName();
    }

    public Party replyTo() {
        return new Party(replyToKind, replyToAddress, replyToName);
    }

    void appendOutbound(String preview, Instant at) {
        this.messageCount++;
        this.lastMessageAt = at;
        this.preview = preview;
        if (firstResponseAt == null) {
            this.firstResponseAt = at;
            this.firstResponseSeconds = Duration.between(createdAt, at).toSeconds();
        }
    }

    void appendNote(Instant at) {
        this.messageCount++;
        this.lastMessageAt = at.isAfter(lastMessageAt) ? at : lastMessageAt;
    }

    void changeStatus(ConversationStatus status, Instant snoozedUntil) {
        this.status = status;
        this.snoozedUntil = status == ConversationStatus.SNOOZED ? snoozedUntil : null;
    }

    void assign(UUID assigneeId) {
        this.assigneeId = assigneeId;
    }

    void assignTeam(UUID teamId) {
        this.teamId = teamId;
    }

    void changePriority(Priority priority) {
        this.priority = priority;
    }

    void moveToContact(UUID contactId) {
        this.contactId = contactId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getWorkspaceId() {
        return workspaceId;
    }

    public long getNumber() {
        return number;
    }

    public String getReferenceToken() {
        return referenceToken;
    }

    public UUID getConnectionId() {
        return connectionId;
    }

    public String getChannelType() {
        return channelType;
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getThreadKey() {
        return threadKey;
    }

    public String getSubject() {
        return subject;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public Instant getSnoozedUntil() {
        return snoozedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Long getFirstResponseSeconds() {
        return firstResponseSeconds;
    }

    public String getPreview() {
        return preview;
    }

    public int getMessageCount() {
        return messageCount;
    }

    public SortedSet<String> getTags() {
        return tags;
    }
}
