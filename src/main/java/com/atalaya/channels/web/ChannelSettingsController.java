package com.atalaya.channels.web;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.ChannelRegistry;
import com.atalaya.channels.SettingField;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.identity.WorkspaceNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Channel settings; each form is generated from the adapter's descriptor. Secrets are never shown. */
@Controller
class ChannelSettingsController {

    private final WorkspaceAccess access;
    private final ChannelConnections connections;
    private final ChannelRegistry registry;
    private final String baseUrl;

    ChannelSettingsController(
            WorkspaceAccess access,
            ChannelConnections connections,
            ChannelRegistry registry,
            @Value("${atalaya.base-url:}") String baseUrl) {
        this.access = access;
        this.connections = connections;
        this.registry = registry;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/w/{slug}/settings/channels")
    String list(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        model.addAttribute("connections", connections.ofWorkspace(member.workspaceId()));
        model.addAttribute(
                "addable",
                registry.adapters().stream()
                        .map(ChannelAdapter::descriptor)
                        .filter(d -> !d.onePerWorkspace())
                        .toList());
        model.addAttribute("baseUrl", publicBaseUrl());
        return "channels/settings";
    }

    @GetMapping("/w/{slug}/settings/channels/new/{type}")
    String newForm(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable String type,
            Model model) {
        Member member = access.require(me, slug);
        ChannelDescriptor descriptor = connections.descriptor(type);
        model.addAttribute("member", member);
        model.addAttribute("descriptor", descriptor);
        model.addAttribute("values", defaults(descriptor));
        model.addAttribute("name", "");
        return "channels/edit";
    }

    @PostMapping("/w/{slug}/settings/channels/new/{type}")
    String create(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable String type,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        ChannelDescriptor descriptor = connections.descriptor(type);
        try {
            connections.create(member, type, form.get("_name"), fields(descriptor, form));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/channels";
        } catch (InvalidInputException e) {
            model.addAttribute("member", member);
            model.addAttribute("descriptor", descriptor);
            model.addAttribute("values", withoutSecrets(descriptor, fields(descriptor, form)));
            model.addAttribute("name", form.get("_name"));
            model.addAttribute("error", e);
            return "channels/edit";
        }
    }

    @GetMapping("/w/{slug}/settings/channels/{id}")
    String edit(
            @AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id, Model model) {
        Member member = access.require(me, slug);
        ChannelConnection connection =
                connections.find(member.workspaceId(), id).orElseThrow(WorkspaceNotFoundException::new);
        ChannelDescriptor descriptor = connections.descriptor(connection.getType());
        model.addAttribute("member", member);
        model.addAttribute("descriptor", descriptor);
        model.addAttribute("connection", connection);
        model.addAttribute("values", withoutSecrets(descriptor, connections.settings(connection)));
        model.addAttribute("name", connection.getName());
        model.addAttribute("baseUrl", publicBaseUrl());
        return "channels/edit";
    }

    @PostMapping("/w/{slug}/settings/channels/{id}")
    String update(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Member member = access.require(me, slug);
        ChannelConnection connection =
                connections.find(member.workspaceId(), id).orElseThrow(WorkspaceNotFoundException::new);
        ChannelDescriptor descriptor = connections.descriptor(connection.getType());
        try {
            connections.update(member, id, form.get("_name"), fields(descriptor, form));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/w/" + slug + "/settings/channels/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("member", member);
            model.addAttribute("descriptor", descriptor);
            model.addAttribute("connection", connection);
            model.addAttribute("values", withoutSecrets(descriptor, fields(descriptor, form)));
            model.addAttribute("name", form.get("_name"));
            model.addAttribute("baseUrl", publicBaseUrl());
            model.addAttribute("error", e);
            return "channels/edit";
        }
    }

    @PostMapping("/w/{slug}/settings/channels/{id}/enabled")
    String enable(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        connections.setEnabled(access.require(me, slug), id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/w/" + slug + "/settings/channels";
    }

    /** Only the descriptor's fields; an unchecked checkbox is sent as "false". */
    private static Map<String, String> fields(ChannelDescriptor descriptor, Map<String, String> form) {
        Map<String, String> values = new HashMap<>();
        for (SettingField field : descriptor.settings()) {
            String value = form.get(field.name());
            if (field.kind() == SettingField.Kind.CHECKBOX) {
                value = value == null ? "false" : "true";
            }
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    private static Map<String, String> defaults(ChannelDescriptor descriptor) {
        Map<String, String> values = new HashMap<>();
        descriptor.settings().stream()
                .filter(f -> f.defaultValue() != null && f.kind() != SettingField.Kind.SECRET)
                .forEach(f -> values.put(f.name(), f.defaultValue()));
        return values;
    }

    private static Map<String, String> withoutSecrets(ChannelDescriptor descriptor, Map<String, String> values) {
        Map<String, String> shown = new HashMap<>(values);
        List<String> secrets = descriptor.settings().stream()
                .filter(f -> f.kind() == SettingField.Kind.SECRET)
                .map(SettingField::name)
                .toList();
        secrets.forEach(shown::remove);
        return shown;
    }

    /** The configured public address, else the one this page was opened at. */
    private String publicBaseUrl() {
        return baseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : baseUrl;
    }
}
