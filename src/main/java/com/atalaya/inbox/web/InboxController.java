package com.atalaya.inbox.web;

import com.atalaya.channels.ChannelConnectionView;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.FileStore;
import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.Paging;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.identity.WorkspaceDirectory;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.ConversationStatus;
import com.atalaya.inbox.MessageAttachment;
import com.atalaya.inbox.Priority;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.service.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The agent workspace: folders, the conversation list and the open conversation, updated live. */
@Controller
class InboxController {

    /** The list's query parameters as they arrive; any of them may be missing or wrong. */
    record ListParams(
            String folder, String status, String channel, String q, Integer page, String priority, String sort) {}

    /** Filters of the list, as they appear in the URL. */
    record Filter(
            String folder,
            ConversationStatus status,
            String channel,
            String q,
            int page,
            Priority priority,
            String sort) {

        ConversationQuery query() {
            String assignee = switch (folder) {
                case "mine" -> "me";
                case "unassigned" -> "unassigned";
                default -> "any";
            };
            return new ConversationQuery(status, assignee, channel, null, q, priority, "priority".equals(sort));
        }

        String params() {
            StringBuilder sb = new StringBuilder("folder=").append(folder);
            if (status != null) sb.append("&status=").append(status);
            if (channel != null && !channel.isBlank()) sb.append("&channel=").append(channel);
            if (q != null && !q.isBlank())
                sb.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            if (priority != null) sb.append("&priority=").append(priority);
            if ("priority".equals(sort)) sb.append("&sort=priority");
            return sb.toString();
        }
    }

    private final WorkspaceAccess access;
    private final WorkingConversations conversations;
    private final WorkspaceDirectory directory;
    private final ChannelConnections channels;
    private final FileStore files;
    private final Presence presence;

    InboxController(
            WorkspaceAccess access,
            WorkingConversations conversations,
            WorkspaceDirectory directory,
            ChannelConnections channels,
            FileStore files,
            Presence presence) {
        this.access = access;
        this.conversations = conversations;
        this.directory = directory;
        this.channels = channels;
        this.files = files;
        this.presence = presence;
    }

    @GetMapping("/w/{slug}")
    String workspaceHome(@PathVariable String slug) {
        return "redirect:/w/" + slug + "/inbox";
    }

    @GetMapping("/w/{slug}/inbox")
    String inbox(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            ListParams params,
            @RequestParam(name = "c", required = false) UUID selected,
            Model model) {
        Member member = access.require(me, slug);
        Filter filter = filter(params);
        model.addAttribute("member", member);
        model.addAttribute("counts", counts(member));
        model.addAttribute(
                "channelTypes",
                channels.ofWorkspace(member.workspaceId()).stream()
                        .map(ChannelConnectionView::type)
                        .distinct()
                        .sorted()
                        .toList());
        addList(member, filter, selected, model);
        if (selected != null) {
            addPane(member, selected, model);
        }
        return "inbox/inbox";
    }

    @GetMapping("/w/{slug}/inbox/list")
    String list(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            ListParams params,
            @RequestParam(name = "c", required = false) UUID selected,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        addList(member, filter(params), selected, model);
        return "inbox/inbox :: list";
    }

    @GetMapping("/w/{slug}/inbox/folders")
    String folders(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, ListParams params, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        addFolders(member, filter(params), model);
        return "inbox/inbox :: folders";
    }

    @GetMapping("/w/{slug}/conversations/{id}")
    String conversation(@AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id) {
        access.require(me, slug);
        return "redirect:/w/" + slug + "/inbox?c=" + id;
    }

    @GetMapping("/w/{slug}/conversations/{id}/pane")
    String pane(
            @AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        addPane(member, id, model);
        return "inbox/conversation :: pane";
    }

    @GetMapping("/w/{slug}/conversations/{id}/thread")
    String thread(
            @AuthenticationPrincipal AtalayaUser me, @PathVariable String slug, @PathVariable UUID id, Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        addPane(member, id, model);
        return "inbox/conversation :: live";
    }

    @PostMapping("/w/{slug}/conversations/{id}/messages")
    String post(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean note,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        try {
            conversations.post(member, id, text, note);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            model.addAttribute("draft", text);
        }
        if (htmx == null) {
            return "redirect:/w/" + slug + "/inbox?c=" + id;
        }
        addPane(member, id, model);
        model.addAttribute("noteMode", note);
        return "inbox/conversation :: pane";
    }

    @PostMapping("/w/{slug}/conversations/{id}")
    String change(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(required = false) ConversationStatus status,
            @RequestParam(required = false) Integer snoozeHours,
            @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String tags,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Member member = access.require(me, slug);
        model.addAttribute("member", member);
        Instant snoozeUntil =
                snoozeHours == null ? null : Instant.now().plus(Duration.ofHours(Math.clamp(snoozeHours, 1, 24 * 30)));
        Set<String> tagSet = tags == null
                ? null
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toCollection(HashSet::new));
        try {
            conversations.change(
                    member,
                    id,
                    new WorkingConversations.Change(
                            snoozeHours != null ? ConversationStatus.SNOOZED : status,
                            snoozeUntil,
                            assigneeId,
                            teamId,
                            priority,
                            tagSet));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
        }
        if (htmx == null) {
            return "redirect:/w/" + slug + "/inbox?c=" + id;
        }
        addPane(member, id, model);
        return "inbox/conversation :: pane";
    }

    @GetMapping("/w/{slug}/messages/{messageId}/attachments/{attachmentId}")
    ResponseEntity<FileSystemResource> attachment(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable String slug,
            @PathVariable UUID messageId,
            @PathVariable UUID attachmentId) {
        Member member = access.require(me, slug);
        MessageAttachment attachment = conversations.attachment(member, messageId, attachmentId);
        FileStore.Content content = files.open(member.workspaceId(), attachment.getFileId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MediaType type;
        try {
            type = MediaType.parseMediaType(attachment.getContentType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.getFileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(content.path()));
    }

    private void addFolders(Member member, Filter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("counts", counts(member));
        model.addAttribute(
                "channelTypes",
                channels.ofWorkspace(member.workspaceId()).stream()
                        .map(ChannelConnectionView::type)
                        .distinct()
                        .sorted()
                        .toList());
    }

    private void addList(Member member, Filter filter, UUID selected, Model model) {
        Page<Conversation> page = conversations.list(member, filter.query(), filter.page(), 25);
        Set<UUID> userIds = page.stream()
                .map(Conversation::getAssigneeId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("selectedId", selected);
        model.addAttribute("names", directory.displayNames(userIds));
        model.addAttribute("contactNames", conversations.contactNames(member, page.getContent()));
    }

    private void addPane(Member member, UUID id, Model model) {
        var detail = conversations.detail(member, id);
        model.addAttribute("detail", detail);
        model.addAttribute("members", directory.members(member.workspaceId()));
        model.addAttribute("teams", directory.teams(member.workspaceId()));
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute(
                "presence",
                presence.statuses(directory.members(member.workspaceId()).stream()
                        .map(WorkspaceDirectory.MemberView::userId)
                        .toList()));
    }

    private Map<String, Long> counts(Member member) {
        return Map.of(
                "mine",
                        conversations
                                .list(
                                        member,
                                        new ConversationQuery(ConversationStatus.OPEN, "me", null, null, null),
                                        0,
                                        1)
                                .getTotalElements(),
                "unassigned",
                        conversations
                                .list(
                                        member,
                                        new ConversationQuery(ConversationStatus.OPEN, "unassigned", null, null, null),
                                        0,
                                        1)
                                .getTotalElements(),
                "all",
                        conversations
                                .list(
                                        member,
                                        new ConversationQuery(ConversationStatus.OPEN, "any", null, null, null),
                                        0,
                                        1)
                                .getTotalElements());
    }

    private static Filter filter(ListParams p) {
        String folder = p.folder() == null ? "all" : p.folder();
        String status = p.status();
        String q = p.q();
        int page = p.page() == null ? 0 : p.page();
        Priority priority = null;
        if (p.priority() != null && !p.priority().isBlank()) {
            try {
                priority = Priority.valueOf(p.priority());
            } catch (IllegalArgumentException e) {
                priority = null;
            }
        }
        String sort = "priority".equals(p.sort()) ? "priority" : "recent";
        String f = Set.of("mine", "unassigned", "all").contains(folder) ? folder : "all";
        ConversationStatus s;
        if (status == null) {
            s = ConversationStatus.OPEN;
        } else if (status.equals("ANY") || status.isBlank()) {
            s = null;
        } else {
            try {
                s = ConversationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                s = ConversationStatus.OPEN;
            }
        }
        return new Filter(f, s, p.channel(), q == null ? null : q.strip(), Paging.page(page), priority, sort);
    }
}
