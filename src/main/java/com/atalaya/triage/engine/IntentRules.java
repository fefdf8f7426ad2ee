package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

    private static final Pattern LETTER_RUN = Pattern.compile("[a-z&]{2,}");

    /** One rule that matched, with the words it matched. */
    public record Hit(Intent intent, double weight, String words) {}

    public record Result(Intent intent, double confidence, List<Hit> hits) {}

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Rules by the letter runs of their expressions: a rule can only match a text one of whose
     * words starts with one of its runs, so only those rules run their expression.
     */
    private final Map<String, List<Integer>> rulesByWordStart = new HashMap<>();

    private int longestRun;

    public IntentRules() {
        this("triage/rules/intent-rules.tsv");
    }

    IntentRules(String resource) {
        for (String line : WordFiles.lines(resource)) {
            String[] f = line.split("\t", 3);
            int index = rules.size();
            rules.add(new Rule(Intent.fromCode(f[0]), Double.parseDouble(f[1]), Pattern.compile(f[2])));
            Matcher run = LETTER_RUN.matcher(f[2].replaceAll("\\\\[a-zA-Z]", " "));
            while (run.find()) {
                String letters = run.group();
                List<Integer> ids = rulesByWordStart.computeIfAbsent(letters, k -> new ArrayList<>());
                if (!ids.contains(index)) {
                    ids.add(index);
                }
                longestRun = Math.max(longestRun, letters.length());
            }
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

    /** The matched text widened to whole words: "no ha llega" reads "no ha llegado". */
    private static String wholeWords(String line, int start, int end) {
        int from = line.lastIndexOf(' ', start) + 1;
        int to = line.indexOf(' ', Math.max(end - 1, from));
        return line.substring(from, to < 0 ? line.length() : to).strip();
    }

    /** All hits, whatever intent won: features for the trained classifier. */
    public List<Hit> hits(Text text) {
        String line = text.foldedLine();
        boolean[] candidate = new boolean[rules.size()];
        for (Text.Token token : text.tokens()) {
            String word = token.folded();
            for (int length = 2; length <= Math.min(word.length(), longestRun); length++) {
                List<Integer> ids = rulesByWordStart.get(word.substring(0, length));
                if (ids != null) {
                    ids.forEach(i -> candidate[i] = true);
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!candidate[i]) {
                continue;
            }
            Rule rule = rules.get(i);
            Matcher m = rule.pattern().matcher(line);
            if (m.find()) {
                hits.add(new Hit(rule.intent(), rule.weight(), wholeWords(line, m.start(), m.end())));
            }
        }
        return hits;
    }
}
