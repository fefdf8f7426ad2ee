package com.atalaya.channels;

import com.atalaya.identity.AuditLog;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.TextInput;
import com.atalaya.identity.WorkspaceCreated;
import com.atalaya.identity.WorkspaceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A workspace's channel connections and their settings (secrets decrypted only on read). */
@Service
@Transactional
public class ChannelConnections {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final Connections connections;
    private final ChannelRegistry registry;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ChannelConnections(
            Connections connections,
            ChannelRegistry registry,
            SecretBox secrets,
            JsonMapper json,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.connections = connections;
        this.registry = registry;
        this.secrets = secrets;
        this.json = json;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ChannelConnectionView> ofWorkspace(UUID workspaceId) {
        return connections.findByWorkspaceIdOrderByCreatedAt(workspaceId).stream()
                .map(ChannelConnection::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ChannelConnection> find(UUID workspaceId, UUID connectionId) {
        return connections.findByIdAndWorkspaceId(connectionId, workspaceId);
    }

    @Transactional(readOnly = true)
    public Optional<ChannelConnection> first(UUID workspaceId, String type) {
        return connections.findByWorkspaceIdAndTypeOrderByCreatedAt(workspaceId, type).stream()
                .filter(ChannelConnection::isEnabled)
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<ChannelConnection> enabledOfType(String type) {
        return connections.findByTypeAndEnabledTrue(type);
    }

    /** The connection's settings with secrets decrypted. Never log the result. */
    public Map<String, String> settings(ChannelConnection connection) {
        Map<String, String> stored = json.readValue(connection.getSettingsJson(), MAP);
        Map<String, String> plain = new LinkedHashMap<>();
        stored.forEach((k, v) -> plain.put(k, secrets.decrypt(v)));
        return plain;
    }

    public ChannelConnection create(Member actor, String type, String name, Map<String, String> values) {
        requireManager(actor);
        ChannelDescriptor descriptor = descriptor(type);
        if (descriptor.onePerWorkspace()) {
            throw new InvalidInputException(null, "channels.onePerWorkspace", "This channel exists once per workspace");
        }
        Map<String, String> valid = validate(descriptor, values, Map.of());
        check(type, valid);
        ChannelConnection connection = connections.save(
                new ChannelConnection(actor.workspaceId(), type, requireName(name), seal(descriptor, valid)));
        audit.record(actor, "channel.created", type + ": " + connection.getName());
        changed(connection);
        return connection;
    }

    public void update(Member actor, UUID connectionId, String name, Map<String, String> values) {
        requireManager(actor);
        ChannelConnection connection = connections
                .findByIdAndWorkspaceId(connectionId, actor.workspaceId())
                .orElseThrow(WorkspaceNotFoundException::new);
        ChannelDescriptor descriptor = descriptor(connection.getType());
        Map<String, String> valid = validate(descriptor, values, settings(connection));
        check(connection.getType(), valid);
        connection.rename(requireName(name));
        connection.setSettingsJson(seal(descriptor, valid));
        audit.record(actor, "channel.updated", connection.getType() + ": " + connection.getName());
        changed(connection);
    }

    public void setEnabled(Member actor, UUID connectionId, boolean enabled) {
        requireManager(actor);
        ChannelConnection connection = connections
                .findByIdAndWorkspaceId(connectionId, actor.workspaceId())
                .orElseThrow(WorkspaceNotFoundException::new);
        connection.setEnabled(enabled);
        audit.record(actor, enabled ? "channel.enabled" : "channel.disabled", connection.getName());
        changed(connection);
    }

    private void changed(ChannelConnection connection) {
        events.publishEvent(
                new ChannelConnectionChanged(connection.getWorkspaceId(), connection.getId(), connection.getType()));
    }

    /** Every workspace starts with the channels that exist once per workspace (chat, contact form). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(WorkspaceCreated event) {
        registry.adapters().stream()
                .map(ChannelAdapter::descriptor)
                .filter(ChannelDescriptor::onePerWorkspace)
                .forEach(d -> connections.save(new ChannelConnection(
                        event.workspaceId(), d.type(), d.type(), seal(d, validate(d, Map.of(), Map.of())))));
    }

    public ChannelDescriptor descriptor(String type) {
        return registry.adapter(type)
                .map(ChannelAdapter::descriptor)
                .orElseThrow(() -> new InvalidInputException("type", "channels.unknownType", "Unknown channel type"));
    }

    private void check(String type, Map<String, String> settings) {
        try {
            registry.adapter(type).orElseThrow().check(settings);
        } catch (DeliveryException e) {
            if (e.messageKey() != null) {
                throw new InvalidInputException(null, e.messageKey(), e.getMessage(), e.args());
            }
            throw new InvalidInputException(null, "channels.checkFailed", e.getMessage(), e.getMessage());
        }
    }

    /** Keeps known fields, applies defaults, keeps a stored secret when its field is left blank. */
    private static Map<String, String> validate(
            ChannelDescriptor descriptor, Map<String, String> values, Map<String, String> previous) {
        Map<String, String> valid = new LinkedHashMap<>();
        for (SettingField field : descriptor.settings()) {
            String value = values.get(field.name());
            value = value == null ? null : value.strip();
            if ((value == null || value.isEmpty()) && field.kind() == SettingField.Kind.SECRET) {
                value = previous.get(field.name());
            }
            if ((value == null || value.isEmpty()) && field.kind() == SettingField.Kind.CHECKBOX) {
                value = values.containsKey(field.name()) ? "false" : field.defaultValue();
            }
            if (value == null || value.isEmpty()) {
                value = field.defaultValue();
            }
            if (field.required() && (value == null || value.isEmpty())) {
                throw new InvalidInputException(field.name(), "validation.required", field.name() + " is required");
            }
            if (value != null && value.length() > field.maxLength()) {
                throw new InvalidInputException(
                        field.name(),
                        "validation.tooLong",
                        "At most " + field.maxLength() + " characters",
                        field.maxLength());
            }
            if (TextInput.hasControlCharacter(value)) {
                throw new InvalidInputException(
                        field.name(), "validation.control", "Remove the control characters (such as NUL)");
            }
            if (value != null && !value.isEmpty()) {
                switch (field.kind()) {
                    case NUMBER -> {
                        if (!value.matches("\\d{1,9}")) {
                            throw new InvalidInputException(field.name(), "validation.number", "Enter a whole number");
                        }
                    }
                    case EMAIL -> {
                        if (!TextInput.isEmailAddress(value)) {
                            throw new InvalidInputException(
                                    field.name(), "validation.email", "Enter a valid e-mail address");
                        }
                    }
                    case CHOICE -> {
                        if (!descriptor
                                .choices()
                                .getOrDefault(field.name(), List.of())
                                .contains(value)) {
                            throw new InvalidInputException(
                                    field.name(), "validation.choice", "Pick one of the options");
                        }
                    }
                    default -> {}
                }
                valid.put(field.name(), value);
            }
        }
        return valid;
    }

    private String seal(ChannelDescriptor descriptor, Map<String, String> values) {
        Map<String, String> sealed = new LinkedHashMap<>(values);
        descriptor.settings().stream()
                .filter(f -> f.kind() == SettingField.Kind.SECRET && sealed.get(f.name()) != null)
                .forEach(f -> sealed.put(f.name(), secrets.encrypt(sealed.get(f.name()))));
        return json.writeValueAsString(sealed);
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new InvalidInputException("name", "validation.required", "Give the channel a name (max. 120)");
        }
        return trimmed;
    }

    private static void requireManager(Member actor) {
        if (!actor.role().canManageChannelsAndTeams()) {
            throw new NotPermittedException("Only administrators and managers can change channels");
        }
    }
}
