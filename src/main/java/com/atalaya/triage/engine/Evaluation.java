package com.atalaya.triage.engine;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation command: trains the shipped models, runs every classifier over labelled sets and
 * prints accuracy, macro-F1 and a confusion matrix for each. Run it with
 * {@code ./mvnw -q compile exec:exec@evaluate-triage} (the project's sets under {@code eval/triage})
 * or pass files: {@code -Dtriage.args="--task sentiment my-messages.tsv"}.
 */
public final class Evaluation {

    public static final List<String> TASKS = List.of("language", "sentiment", "intent", "toxicity");

    /** One classifier's scores on one set, keyed "task / classifier". */
    public record Result(String set, Map<String, Scores> scores) {}

    private final TriageEngine engine;
    private final TriageEngine.Models models;

    public Evaluation(TriageEngine engine, TriageEngine.Models models) {
        this.engine = engine;
        this.models = models;
    }

    /**
     * Scores every classifier whose label the set has. {@code task} names the task of a two-column
     * {@code text<TAB>label} file; null for the project's sets, whose columns name their task.
     */
    public Result evaluate(LabelledSet set, String task) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (LabelledSet.Row row : set.rows()) {
            TriageEngine.Outcome o = engine.triage(row.text(), models);
            String lang = label(row, "language", "lang", task);
            if (lang != null) {
                record(
                        scores,
                        "language / common words + letters",
                        lang,
                        o.language().code());
            }
            String sentiment = label(row, "sentiment", "sentiment", task);
            if (sentiment != null) {
                record(
                        scores,
                        "sentiment / lexicon rules",
                        sentiment,
                        o.lexiconSentiment().label().code());
                record(
                        scores,
                        "sentiment / trained model",
                        sentiment,
                        o.sentiment().label().code());
            }
            String intent = label(row, "intent", "intent", task);
            if (intent != null) {
                record(
                        scores,
                        "intent / phrase rules",
                        intent,
                        o.intentByRules().intent().code());
                record(
                        scores,
                        "intent / rules + trained model",
                        intent,
                        o.intent().intent().code());
            }
            String toxic = label(row, "toxicity", "toxic", task);
            if (toxic != null) {
                record(
                        scores,
                        "toxicity / insult rules",
                        toxic(toxic),
                        o.toxicity().toxic() ? "toxic" : "clean");
            }
        }
        return new Result(set.name(), scores);
    }

    private static String toxic(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "1", "true", "toxic", "yes" -> "toxic";
            default -> "clean";
        };
    }

    private static String label(LabelledSet.Row row, String task, String column, String onlyTask) {
        if (onlyTask != null) {
            return onlyTask.equals(task) ? row.label("label") : null;
        }
        String value = row.label(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static void record(Map<String, Scores> scores, String key, String expected, String actual) {
        scores.computeIfAbsent(key, k -> new Scores()).add(expected, actual);
    }

    public static void main(String[] args) throws Exception {
        String task = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--task" -> {
                    if (i + 1 >= args.length || !TASKS.contains(args[i + 1])) {
                        fail("--task needs one of " + TASKS);
                    }
                    task = args[++i];
                }
                case "--help", "-h" -> {
                    System.out.println("usage: evaluate [--task language|sentiment|intent|toxicity] [file.tsv ...]");
                    System.out.println("Without files: the project's sets eval/triage/es.tsv and en.tsv.");
                    System.out.println("A file of text<TAB>label lines needs --task.");
                    return;
                }
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            files = List.of(Path.of("eval/triage/es.tsv"), Path.of("eval/triage/en.tsv"));
        }
        List<LabelledSet> sets = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                fail("No such file: " + file.toAbsolutePath());
            }
            LabelledSet set;
            try {
                set = LabelledSet.read(file);
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
                return;
            }
            if (set.has("label") && task == null) {
                fail(file + " has text<TAB>label lines: say which task with --task " + TASKS);
            }
            sets.add(set);
        }
        long start = System.nanoTime();
        TriageEngine engine = new TriageEngine(LanguageDetection.DEFAULT_LANGUAGES);
        TriageEngine.Shipped shipped = engine.shipped();
        TriageEngine.Models models = shipped.models();
        PrintStream out = System.out;
        out.printf(
                Locale.ROOT,
                "Shipped models: trained on %d examples (%d held out) in %.1f s, language models included.%n",
                shipped.train().size(),
                shipped.heldOut().size(),
                (System.nanoTime() - start) / 1e9);
        String finalTask = task;
        print(
                out,
                sets.stream()
                        .map(s -> new Evaluation(engine, models).evaluate(s, finalTask))
                        .toList());
    }

    static void print(PrintStream out, List<Result> results) {
        Map<String, Scores> all = new LinkedHashMap<>();
        for (Result r : results) {
            r.scores().forEach((key, s) -> all.merge(key, s, Evaluation::merge));
        }
        for (String key : all.keySet()) {
            out.println();
            out.println("== " + key);
            for (Result r : results) {
                Scores s = r.scores().get(key);
                if (s != null) {
                    out.printf(Locale.ROOT, "   %-12s %s%n", r.set(), s.summary());
                }
            }
            if (results.size() > 1) {
                out.printf(Locale.ROOT, "   %-12s %s%n", "all", all.get(key).summary());
            }
            out.print(indent(all.get(key).confusionMatrix()));
        }
    }

    private static Scores merge(Scores a, Scores b) {
        Scores merged = new Scores();
        a.forEach(merged::add);
        b.forEach(merged::add);
        return merged;
    }

    private static String indent(String block) {
        return block.lines().map(l -> "   " + l + System.lineSeparator()).reduce("", String::concat);
    }

    private static void fail(String message) {
        System.err.println("evaluate: " + message);
        System.exit(2);
    }
}
