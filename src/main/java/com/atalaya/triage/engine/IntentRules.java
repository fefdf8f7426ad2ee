package com.atalaya.triage.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intent by readable phrase rules ({@code triage/rules/intent-rules.tsv}): each rule that matches
 * adds its weight to its intent; the heaviest intent wins, "other" when none matches. The words
 * that matched are the explanation. Thread-safe.
 */
public final class IntentRules {

    private record Rule(Intent intent, double weight, Pattern pattern) {}

    /** One rule that matched, with the words it matched. */
    public record Hit(Intent intent, double weight, String words) {}

    public record Result(Intent intent, double confidence, List<Hit> hits) {}

    private final List<Rule> rules = new ArrayList<>();

    public IntentRules() {
        this("triage/rules/intent-rules.tsv");
    }

    IntentRules(String resource) {
        InputStream in = IntentRules.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing intent rules " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                rules.add(new Rule(Intent.fromCode(f[0]), Double.parseDouble(f[1]), Pattern.compile(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result classify(Text text) {
        return decide(hits(text));
    }

    public static Result decide(List<Hit> hits) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Hit hit : hits) {
            scores.merge(hit.intent(), hit.weight(), Double::sum);
        }
        if (scores.isEmpty()) {
            return new Result(Intent.OTHER, 0.5, List.of());
        }
        Intent best = null;
        double total = 0;
        for (var e : scores.entrySet()) {
            total += e.getValue();
            if (best == null || e.getValue() > scores.get(best)) {
                best = e.getKey();
            }
        }
        Intent winner = best;
        return new Result(
                winner,
                scores.get(winner) / total,
                hits.stream().filter(h -> h.intent() == winner).toList());
    }

    /** All hits, whatever intent won: features for the trained classifier. */
    public List<Hit> hits(Text text) {
        String line = text.foldedLine();
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(line);
            if (m.find()) {
                hits.add(new Hit(rule.intent(), rule.weight(), m.group().strip()));
            }
        }
        return hits;
    }
}
