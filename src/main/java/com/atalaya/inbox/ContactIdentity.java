package com.atalaya.inbox;

import com.atalaya.channels.IdentityKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An address at which a contact reached us: e-mail, phone, chat visitor id, social handle. */
@Entity
@Table(name = "contact_identities")
public class ContactIdentity {

    @Id
    private UUID id;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IdentityKind kind;

    @Column(nullable = false)
    private String address;

    protected ContactIdentity() {}

    ContactIdentity(UUID workspaceId, UUID contactId, IdentityKind kind, String address) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.contactId = contactId;
        this.kind = kind;
        this.address = address;
    }

    public UUID getId() {
        return id;
    }

    public UUID getContactId() {
        return contactId;
    }

    void moveTo(UUID contactId) {
        this.contactId = contactId;
    }

    public IdentityKind getKind() {
        return kind;
    }

    public String getAddress() {
        return address;
    }
}
