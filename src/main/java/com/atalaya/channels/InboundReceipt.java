package com.atalaya.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "inbound_receipts")
class InboundReceipt {

    @Id
    private UUID id;

    @Column(name = "connection_id", nullable = false)
    private UUID connectionId;

    @Column(name = "provider_message_id", nullable = false)
    private String providerMessageId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected InboundReceipt() {}

    InboundReceipt(UUID connectionId, String providerMessageId) {
        this.id = UUID.randomUUID();
        this.connectionId = connectionId;
        this.providerMessageId = providerMessageId;
        this.receivedAt = Instant.now();
    }

    UUID getId() {
        return id;
    }
}
