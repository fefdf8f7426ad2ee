package com.atalaya.replies;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.ChannelRegistry;
import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.Text;
import com.atalaya.triage.engine.Toxicity;
import com.atalaya.triage.engine.ToxicityDetector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Seed 002: an answer must be polite, humble, concise and never personal. Flags insults, blaming
 * the customer, shouting in capitals, too many exclamation marks, a reply longer than the channel
 * allows, a complaint answered without an apology and template variables left unfilled.
 */
@Service
public class ToneCheck {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^{}]*)}}");

    /** Longer drafts are checked on their beginning; a reply is capped far below this anyway. */
    static final int MAX_CHECKED = 20_000;

    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|¡{2,}");

    /** Phrases that put the fault on the customer or turn personal, over folded words. */
    private static final Pattern BLAME = Pattern.compile(
            " (es (culpa )?(tuya|suya|vuestra)|(por )?tu culpa|(por )?su culpa|culpa (tuya|suya|vuestra)"
                    + "|(usted|tu) (se )?(equivoco|equivocaste|se ha equivocado|te has equivocado)"
                    + "|(deberia|deberias|deberian|deberiais) (haber|de haber)|no (leyo|leiste|ha leido|has leido)"
                    + "|como ya (le|te|les|os) (dije|dijimos|he dicho|hemos dicho|explique)|alla (tu|usted|vosotros)"
                    + "|no es (nuestro|mi) problema|(your|ur) (fault|mistake|problem)|you should have|you (did not|didnt) read"
                    + "|as i (already )?(said|told you|explained)|not our (problem|fault)|learn to read"
                    + "|if you had (read|checked)) ");

    private static final Pattern APOLOGY = Pattern.compile(
            " (sient[oe]|sentimos|lament|disculp|perdon|perdone|perdona|perdonad|sorry|apolog|regret) ?");

    private final ToxicityDetector insults = new ToxicityDetector();
    private final ChannelRegistry channels;

    ToneCheck(ChannelRegistry channels) {
        this.channels = channels;
    }

    /** @param conversationIntent what the customer wants, or null if not known */
    public List<ToneIssue> check(String draft, String channelType, Intent conversationIntent) {
        int limit = channels.adapter(channelType == null ? "" : channelType)
                .map(ChannelAdapter::descriptor)
                .map(ChannelDescriptor::replyLimit)
                .orElse(0);
        return check(draft, limit, conversationIntent);
    }

    /** @param limit the most characters the channel takes; 0 for no limit */
    List<ToneIssue> check(String draft, int limit, Intent conversationIntent) {
        List<ToneIssue> issues = new ArrayList<>();
        if (draft == null || draft.isBlank()) {
            return issues;
        }
        int length = draft.codePointCount(0, draft.length());
        if (draft.length() > MAX_CHECKED) {
            draft = draft.substring(0, MAX_CHECKED);
        }
        Text text = Text.of(draft);
        String line = text.foldedLine();
        Toxicity toxicity = insults.detect(text);
        if (toxicity.toxic() || toxicity.addressedToReader()) {
            issues.add(ToneIssue.of("tone.insult", String.join(", ", toxicity.terms())));
        }
        Matcher blame = BLAME.matcher(line);
        if (blame.find()) {
            issues.add(ToneIssue.of("tone.blame", blame.group().strip()));
        }
        if (text.shouting() || shoutedWords(text) >= 3) {
            issues.add(ToneIssue.of("tone.caps"));
        }
        if (EXCLAMATIONS.matcher(draft).find() || text.exclamations() >= 3) {
            issues.add(ToneIssue.of("tone.exclamation"));
        }
        if (limit > 0 && length > limit) {
            issues.add(ToneIssue.of("tone.tooLong", length, limit));
        }
        if (conversationIntent != null
                && conversationIntent.isComplaint()
                && !APOLOGY.matcher(line).find()) {
            issues.add(ToneIssue.of("tone.noApology"));
        }
        Set<String> unfilled = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(draft);
        while (variable.find()) {
            unfilled.add("{{" + variable.group(1).strip() + "}}");
        }
        if (!unfilled.isEmpty()) {
            issues.add(ToneIssue.of("tone.unfilled", String.join(", ", unfilled)));
        }
        return issues;
    }

    private static int shoutedWords(Text text) {
        int run = 0;
        int longest = 0;
        for (Text.Token t : text.tokens()) {
            if (t.word() && t.allCaps() && t.surface().length() >= 3) {
                longest = Math.max(longest, ++run);
            } else if (t.word()) {
                run = 0;
            }
        }
        return longest;
    }
}
