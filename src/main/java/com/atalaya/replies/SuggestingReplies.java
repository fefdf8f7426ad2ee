package com.atalaya.replies;

import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.WorkspaceCreated;
import com.atalaya.identity.WorkspaceNotFoundException;
import com.atalaya.inbox.ConversationSummary;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.triage.TriageInsights;
import com.atalaya.triage.TriageView;
import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.TriageEngine;
import com.atalaya.triage.engine.TrollVerdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Canned replies: the workspace's model answers, suggested for a conversation by what triage found
 * (intent and language), personalised with the names they know. A probable troll gets only the
 * replies meant for trolls (seed 002: answer once, politely), and nothing is ever sent without an
 * agent.
 */
@Service
@Transactional
public class SuggestingReplies {

    public static final Set<String> LANGUAGES = Set.of("es", "en");
    /** The intent of replies meant only for probable trolls (seed 002: answer once, politely). */
    public static final String FOR_TROLLS = "troll";

    /** Advice and replies for one conversation. */
    public record Suggestions(Intent intent, String language, TrollVerdict verdict, List<Suggestion> replies) {}

    public record Suggestion(UUID id, String name, String body) {}

    private final CannedReplies replies;
    private final WorkingConversations conversations;
    private final TriageInsights triage;
    private final TransactionTemplate transaction;
    private final Map<UUID, Object> seeding = new ConcurrentHashMap<>();

    SuggestingReplies(
            CannedReplies replies,
            WorkingConversations conversations,
            TriageInsights triage,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.replies = replies;
        this.conversations = conversations;
        this.triage = triage;
    }

    @ApplicationModuleListener
    void on(WorkspaceCreated event) {
        seedDefaults(event.workspaceId());
    }

    /**
     * Workspaces created before canned replies existed get the defaults on first use. Seeding
     * commits under a lock of the workspace, so the listener and a first page view cannot both seed.
     */
    void seedDefaults(UUID workspaceId) {
        if (replies.existsByWorkspaceId(workspaceId)) {
            return;
        }
        synchronized (seeding.computeIfAbsent(workspaceId, id -> new Object())) {
            transaction.executeWithoutResult(status -> {
                if (!replies.existsByWorkspaceId(workspaceId)) {
                    insertDefaults(workspaceId);
                }
            });
        }
    }

    private void insertDefaults(UUID workspaceId) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("replies/defaults.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                replies.save(new CannedReply(workspaceId, f[2], f[1].isEmpty() ? null : f[1], f[0], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Suggestions suggest(Member member, UUID conversationId) {
        ConversationSummary c = conversations.summary(member, conversationId);
        seedDefaults(member.workspaceId());
        Optional<TriageView> latest = triage.latestOfConversation(member.workspaceId(), c.id());
        Intent intent = latest.map(TriageView::intent).orElse(null);
        String language =
                latest.map(TriageView::language).filter(LANGUAGES::contains).orElse("es");
        TrollVerdict verdict = latest.map(TriageView::trollVerdict).orElse(TrollVerdict.NONE);
        Map<String, String> values = Map.of(
                "customer.firstName", firstName(c.contactName()),
                "customer.name", c.contactName() == null ? "" : c.contactName(),
                "agent.firstName", firstName(member.displayName()),
                "agent.name", member.displayName(),
                "conversation.reference", c.referenceToken());
        List<CannedReply> candidates = replies.findByWorkspaceIdAndLanguage(member.workspaceId(), language);
        List<CannedReply> chosen = new ArrayList<>();
        if (verdict == TrollVerdict.PROBABLE_TROLL) {
            candidates.stream().filter(r -> FOR_TROLLS.equals(r.getIntent())).forEach(chosen::add);
        } else {
            String code = intent == null ? null : intent.code();
            candidates.stream()
                    .filter(r -> code != null && code.equals(r.getIntent()))
                    .forEach(chosen::add);
            candidates.stream()
                    .filter(r -> !chosen.contains(r) && !FOR_TROLLS.equals(r.getIntent()))
                    .sorted(Comparator.comparing((CannedReply r) -> r.getIntent() == null ? "" : r.getIntent()))
                    .forEach(chosen::add);
        }
        return new Suggestions(
                intent,
                language,
                verdict,
                chosen.stream()
                        .map(r -> new Suggestion(r.getId(), r.getName(), personalise(r.getBody(), values)))
                        .toList());
    }

    /** Fills the variables it knows; unknown or empty ones stay for the agent (the tone check flags them). */
    static String personalise(String body, Map<String, String> values) {
        String out = body;
        for (var v : values.entrySet()) {
            if (v.getValue() != null && !v.getValue().isBlank()) {
                out = out.replace("{{" + v.getKey() + "}}", v.getValue());
            }
        }
        return out;
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank() || name.contains("@")) {
            return "";
        }
        return name.strip().split("\\s+")[0];
    }

    public List<CannedReply> all(Member member) {
        seedDefaults(member.workspaceId());
        return replies.findByWorkspaceIdOrderByLanguageAscIntentAscNameAsc(member.workspaceId());
    }

    public CannedReply save(Member member, UUID id, String name, String intent, String language, String body) {
        if (!member.role().canManageChannelsAndTeams()) {
            throw new NotPermittedException("Only managers and admins edit canned replies");
        }
        String n = name == null ? "" : name.strip();
        String b = body == null ? "" : body.strip();
        if (n.isEmpty() || n.length() > CannedReply.MAX_NAME) {
            throw new InvalidInputException("name", "replies.badName", "A name of 1 to 120 characters is required");
        }
        if (b.isEmpty() || b.length() > CannedReply.MAX_BODY) {
            throw new InvalidInputException("body", "replies.badBody", "A text of 1 to 4000 characters is required");
        }
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new InvalidInputException("language", "replies.badLanguage", "Language must be es or en");
        }
        String i = intent == null || intent.isBlank() ? null : intent.strip();
        if (i != null && !TriageEngine.INTENT_LABELS.contains(i) && !FOR_TROLLS.equals(i)) {
            throw new InvalidInputException("intent", "replies.badIntent", "Unknown intent " + i);
        }
        CannedReply reply = id == null
                ? new CannedReply(member.workspaceId(), n, i, lang, b)
                : replies.findByIdAndWorkspaceId(id, member.workspaceId()).orElseThrow(WorkspaceNotFoundException::new);
        reply.update(n, i, lang, b);
        return replies.save(reply);
    }

    public void delete(Member member, UUID id) {
        if (!member.role().canManageChannelsAndTeams()) {
            throw new NotPermittedException("Only managers and admins edit canned replies");
        }
        replies.delete(
                replies.findByIdAndWorkspaceId(id, member.workspaceId()).orElseThrow(WorkspaceNotFoundException::new));
    }
}
