package com.atalaya.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An inbound or outbound message, or a private note, in a conversation. */
@Entity
@Table(name = "messages")
public class Message {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    @Column(name = "author_user_id")
    private UUID authorUserId;

    @Column(name = "author_name")
    private String authorName;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "connection_id")
    private UUID connectionId;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    private DeliveryStatus deliveryStatus;

    @Column(name = "delivery_error")
    private String deliveryError;

    @Column(nullable = false)
    private boolean automated;

    @Column(name = "from_other_sender", nullable = false)
    private boolean fromOtherSender;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Message() {}

    Message(
            UUID workspaceId,
            UUID conversationId,
            MessageKind kind,
            UUID authorUserId,
            String authorName,
            String bodyText,
            String bodyHtml,
            UUID connectionId,
            String providerMessageId,
            boolean automated,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.conversationId = conversationId;
        this.kind = kind;
        this.authorUserId = authorUserId;
        this.authorName = authorName;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.connectionId = connectionId;
        this.providerMessageId = providerMessageId;
        this.automated = automated;
        this.createdAt = createdAt;
        if (kind == MessageKind.OUTBOUND) {
            this.deliveryStatus = DeliveryStatus.SENDING;
        }
    }

    void delivered(String providerMessageId) {
        this.deliveryStatus = DeliveryStatus.DELIVERED;
        this.providerMessageId = providerMessageId;
        this.deliveryError = null;
    }

    void failed(String reason, boolean retrying) {
        this.deliveryStatus = retrying ? DeliveryStatus.RETRYING : DeliveryStatus.FAILED;
        this.deliveryError = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }

    public UUID getId() {
        return id;
    }

    public UUID getWorkspaceId() {
        return workspaceId;
    }

    public UUID getConversationId() {
        return conversationId;
    }

    public MessageKind getKind() {
        return kind;
    }

    public UUID getAuthorUserId() {
        return authorUserId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public UUID getConnectionId() {
        return connectionId;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public DeliveryStatus getDeliveryStatus() {
        return deliveryStatus;
    }

    public String getDeliveryError() {
        return deliveryError;
    }

    public boolean isAutomated() {
        return automated;
    }

    /** Sent by someone other than the conversation's contact (who quoted its reference, say); not replied to. */
    public boolean isFromOtherSender() {
        return fromOtherSender;
    }

    void markFromOtherSender() {
        this.fromOtherSender = true;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
