package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features the trained classifiers read: words and word pairs (marked when a negation comes
 * before them), emoji, the lexicon's verdict, the phrase rules that matched, toxicity, punctuation
 * and shape. Names are readable because they are the classifier's explanation.
 */
public final class Features {

    /** One feature: its name and its value (1 for presence, else a measure). */
    public record Feature(String name, double value) {}

    private static final Set<String> NEGATIONS = Set.of(
            "no", "nunca", "jamas", "ni", "tampoco", "sin", "nada", "nadie", "not", "never", "dont", "doesnt", "didnt",
            "isnt", "wasnt", "cant", "cannot", "wont", "havent", "hasnt", "nothing", "nobody", "without");

    /** Words too common to explain anything ("the", "de", "not on"): left out of explanations. */
    private static final Set<String> COMMON = WordFiles.lines("triage/lexicon/function-words.tsv").stream()
            .map(line -> Text.fold(line.split("\t")[1]))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Features() {}

    /** Whether a feature says something to a person: not a pair of common words, nor one. */
    static boolean explains(String name) {
        if (name.startsWith("language ") || name.equals("lexicon score") || name.startsWith("length ")) {
            return false;
        }
        for (String word : name.split(" ")) {
            if (!COMMON.contains(word) && !word.equals("not")) {
                return true;
            }
        }
        return false;
    }

    public static List<Feature> of(
            Text text, String language, Sentiment lexicon, List<IntentRules.Hit> hits, Toxicity toxicity) {
        List<Feature> features = new ArrayList<>(text.tokens().size() * 2 + 12);
        Set<String> seen = new HashSet<>();
        String previous = null;
        int negated = 0;
        for (Text.Token token : text.tokens()) {
            if (token.isBoundary()) {
                negated = 0;
                previous = null;
                continue;
            }
            if (!token.word()) {
                add(features, seen, "emoji " + token.surface(), 1);
                continue;
            }
            String word = token.folded();
            if (word.chars().allMatch(Character::isDigit)) {
                word = word.length() >= 4 ? "#number" : "#n";
            }
            add(features, seen, negated > 0 ? "not " + word : word, 1);
            if (previous != null) {
                add(features, seen, previous + " " + word, 1);
            }
            previous = word;
            if (NEGATIONS.contains(word)) {
                negated = 3;
            } else if (negated > 0) {
                negated--;
            }
        }
        add(features, seen, "language " + language, 1);
        add(features, seen, "lexicon " + lexicon.label().code(), 1);
        add(features, seen, "lexicon score", lexicon.score());
        for (IntentRules.Hit hit : hits) {
            add(features, seen, "rule " + hit.intent().code(), hit.weight() / 2);
        }
        if (toxicity.toxic()) {
            add(features, seen, "insult", 1);
        }
        if (toxicity.addressedToReader()) {
            add(features, seen, "insult to the reader", 1);
        }
        if (text.exclamations() >= 2) {
            add(features, seen, "!!", 1);
        }
        if (text.questions() > 0) {
            add(features, seen, "?", 1);
        }
        if (text.shouting()) {
            add(features, seen, "all caps", 1);
        }
        int words = (int) text.tokens().stream().filter(Text.Token::word).count();
        add(features, seen, words <= 4 ? "length short" : words <= 25 ? "length medium" : "length long", 1);
        return features;
    }

    private static void add(List<Feature> features, Set<String> seen, String name, double value) {
        if (seen.add(name)) {
            features.add(new Feature(name, value));
        }
    }

    /** How a feature reads in an explanation. */
    public static String describe(String name) {
        if (name.startsWith("rule ") || name.startsWith("lexicon ") || name.startsWith("language ")) {
            return name;
        }
        if (name.startsWith("emoji ")) {
            return name.substring(6);
        }
        return switch (name) {
            case "insult", "insult to the reader", "!!", "?", "all caps" -> name;
            default -> name.startsWith("length ") ? name : "“" + name.toLowerCase(Locale.ROOT) + "”";
        };
    }
}
