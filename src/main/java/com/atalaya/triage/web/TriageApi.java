package com.atalaya.triage.web;

import com.atalaya.identity.AtalayaUser;
import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.Member;
import com.atalaya.identity.WorkspaceAccess;
import com.atalaya.triage.Triaged;
import com.atalaya.triage.Triaging;
import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Triage", description = "Language, sentiment, toxicity, intent and priority of any text")
class TriageApi {

    static final int MAX_TEXT = 10_000;
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,40}");

    record TriageRequest(String text, String channel) {}

    record LanguageView(String code, double confidence) {}

    record SentimentView(String label, double score, List<String> reasons) {}

    record ToxicityView(boolean toxic, double score, List<String> terms) {}

    record IntentView(String label, double confidence, List<String> reasons, String decidedBy) {}

    record PriorityView(String level, int score, List<String> reasons) {}

    record TrollView(String verdict, List<String> reasons) {}

    record TriageResponse(
            LanguageView language,
            SentimentView sentiment,
            ToxicityView toxicity,
            IntentView intent,
            TrollView troll,
            PriorityView priority,
            boolean publicChannel,
            int modelVersion) {}

    private final WorkspaceAccess access;
    private final Triaging triaging;
    private final MessageSource messages;

    TriageApi(WorkspaceAccess access, Triaging triaging, MessageSource messages) {
        this.access = access;
        this.triaging = triaging;
        this.messages = messages;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/triage")
    @Operation(
            summary = "Triage a text with the workspace's own models",
            description = "Language, sentiment (label and score in [-1, 1]), toxicity, intent, a troll verdict and"
                    + " a priority, each with the reasons that decided it. channel (optional) names where the"
                    + " text comes from: public channels (social, x, mastodon, facebook, instagram, review…)"
                    + " weigh more in the priority. Reasons follow the request's Accept-Language (es, en)."
                    + " text: at most 10,000 characters, of which the first 4,000 are analysed.")
    TriageResponse triage(
            @AuthenticationPrincipal AtalayaUser me,
            @PathVariable UUID workspaceId,
            @RequestBody(required = false) TriageRequest request,
            Locale locale) {
        Member member = access.require(me, workspaceId);
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new InvalidInputException("text", "triage.textRequired", "text is required");
        }
        if (request.text().length() > MAX_TEXT) {
            throw new InvalidInputException(
                    "text", "triage.textTooLong", "text is longer than " + MAX_TEXT + " characters", MAX_TEXT);
        }
        String channel = request.channel() == null || request.channel().isBlank()
                ? "api"
                : request.channel().strip().toLowerCase(Locale.ROOT);
        if (!CHANNEL.matcher(channel).matches()) {
            throw new InvalidInputException(
                    "channel", "triage.badChannel", "channel must be a short name like email, chat or x");
        }
        Triaged t = triaging.triage(member.workspaceId(), request.text(), channel, AuthorHistory.unknown());
        return new TriageResponse(
                new LanguageView(t.language(), round(t.languageConfidence())),
                new SentimentView(t.sentiment().code(), round(t.sentimentScore()), t.sentimentReasons()),
                new ToxicityView(t.toxic(), round(t.toxicityScore()), t.toxicTerms()),
                new IntentView(t.intent().code(), round(t.intentConfidence()), t.intentReasons(), t.intentDecidedBy()),
                new TrollView(t.troll().code(), text(t.trollReasons(), locale)),
                new PriorityView(
                        t.priority().name().toLowerCase(Locale.ROOT),
                        t.priorityScore(),
                        text(t.priorityReasons(), locale)),
                Triaging.isPublic(channel),
                t.modelVersion());
    }

    private List<String> text(List<Reason> reasons, Locale locale) {
        return reasons.stream()
                .map(r -> messages.getMessage(
                        r.key(),
                        r.args().stream()
                                .map(a -> messages.getMessage("intent." + a, null, a, locale))
                                .toArray(),
                        r.key(),
                        locale))
                .toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
