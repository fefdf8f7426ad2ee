package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole triage of one text: language, lexicon sentiment, toxicity, intent rules, then the
 * trained sentiment and intent models over the features of all of them. Plain Java, no Spring, so
 * the evaluation command and the benchmark use exactly what the product uses. Build it once (the
 * language models load in the constructor); thread-safe.
 */
public final class TriageEngine {

    public static final List<String> SENTIMENT_LABELS =
            Arrays.stream(SentimentLabel.values()).map(SentimentLabel::code).toList();
    public static final List<String> INTENT_LABELS =
            Arrays.stream(Intent.values()).map(Intent::code).toList();

    /** How much a matching phrase rule adds to the trained model's probability of its intent. */
    static final double RULE_WEIGHT = 0.3;

    private static final int EPOCHS = 30;
    private static final double L2 = 1e-4;

    /** The trained models used together; a workspace may have its own. */
    public record Models(LinearModel sentiment, LinearModel intent) {}

    /** What every classifier reads, computed once per text. */
    public record Signals(
            Text text,
            LanguageDetection.Detected language,
            Sentiment lexicon,
            List<IntentRules.Hit> ruleHits,
            Toxicity toxicity,
            List<Features.Feature> features) {}

    public record IntentDecision(Intent intent, double confidence, List<String> reasons, String decidedBy) {}

    public record Outcome(
            LanguageDetection.Detected language,
            Sentiment sentiment,
            Sentiment lexiconSentiment,
            Toxicity toxicity,
            IntentDecision intent,
            IntentRules.Result intentByRules) {}

    private final LanguageDetection languages;
    private final LexiconSentiment lexicon = new LexiconSentiment();
    private final ToxicityDetector toxicity = new ToxicityDetector();
    private final IntentRules rules = new IntentRules();

    public TriageEngine(List<String> languageCodes) {
        this.languages = new LanguageDetection(languageCodes);
    }

    public Signals signals(String input) {
        Text text = Text.of(input);
        LanguageDetection.Detected language = languages.detect(text);
        Sentiment byLexicon = lexicon.score(text, language.code());
        List<IntentRules.Hit> hits = rules.hits(text);
        Toxicity toxic = toxicity.detect(text);
        List<Features.Feature> features = Features.of(text, language.code(), byLexicon, hits, toxic);
        return new Signals(text, language, byLexicon, hits, toxic, features);
    }

    public Outcome triage(String input, Models models) {
        return decide(signals(input), models);
    }

    public Outcome decide(Signals s, Models models) {
        LinearModel.Prediction feeling = models.sentiment().predict(s.features());
        double score = feeling.probability("positive", models.sentiment().labels())
                - feeling.probability("negative", models.sentiment().labels());
        List<String> cues = new ArrayList<>(feeling.because());
        s.lexicon().cues().stream().filter(c -> !cues.contains(c)).limit(4).forEach(cues::add);
        Sentiment sentiment = new Sentiment(SentimentLabel.fromCode(feeling.label()), score, List.copyOf(cues));
        IntentRules.Result byRules = IntentRules.decide(s.ruleHits());
        return new Outcome(s.language(), sentiment, s.lexicon(), s.toxicity(), intent(models, s, byRules), byRules);
    }

    private static IntentDecision intent(Models models, Signals s, IntentRules.Result byRules) {
        LinearModel.Prediction p = models.intent().predict(s.features());
        List<String> labels = models.intent().labels();
        double[] combined = p.probabilities().clone();
        double strongest =
                s.ruleHits().stream().mapToDouble(IntentRules.Hit::weight).max().orElse(1);
        for (IntentRules.Hit hit : s.ruleHits()) {
            int i = labels.indexOf(hit.intent().code());
            if (i >= 0) {
                combined[i] += RULE_WEIGHT * hit.weight() / strongest;
            }
        }
        int best = 0;
        for (int i = 1; i < combined.length; i++) {
            if (combined[i] > combined[best]) {
                best = i;
            }
        }
        Intent chosen = Intent.fromCode(labels.get(best));
        boolean byModel = chosen == Intent.fromCode(p.label());
        List<String> reasons = new ArrayList<>();
        s.ruleHits().stream()
                .filter(h -> h.intent() == chosen)
                .map(h -> "“" + h.words() + "”")
                .distinct()
                .forEach(reasons::add);
        if (byModel) {
            p.because().stream()
                    .filter(b -> !b.startsWith("rule ") && !reasons.contains(b))
                    .forEach(reasons::add);
        }
        return new IntentDecision(chosen, p.probabilities()[best], List.copyOf(reasons), byModel ? "model" : "rules");
    }

    private static List<String> ruleReasons(IntentRules.Result byRules) {
        return byRules.hits().stream()
                .map(h -> "“" + h.words() + "”")
                .distinct()
                .toList();
    }

    /** The text carries an order number ("pedido #48213", "order 100234"). */
    public static boolean mentionsOrder(Signals s) {
        return s.features().stream()
                .anyMatch(f -> f.name().equals("#number") || f.name().endsWith(" #number"));
    }

    public Toxicity toxicity(String text) {
        return toxicity.detect(Text.of(text));
    }

    public LanguageDetection.Detected language(String text) {
        return languages.detect(text);
    }

    public List<String> languages() {
        return languages.languages();
    }

    /** Trains both models on labelled rows (columns {@code sentiment} and {@code intent}). */
    public Models train(List<Training> rows) {
        List<LinearModel.Example> sentiment = new ArrayList<>();
        List<LinearModel.Example> intent = new ArrayList<>();
        for (Training row : rows) {
            if (row.sentiment() != null) {
                sentiment.add(new LinearModel.Example(row.signals().features(), row.sentiment(), row.weight()));
            }
            if (row.intent() != null) {
                intent.add(new LinearModel.Example(row.signals().features(), row.intent(), row.weight()));
            }
        }
        return new Models(
                LinearModel.train(SENTIMENT_LABELS, sentiment, EPOCHS, L2),
                LinearModel.train(INTENT_LABELS, intent, EPOCHS, L2));
    }

    /** One training row; either label may be missing (a correction of only the intent). */
    public record Training(Signals signals, String sentiment, String intent, double weight) {}

    public List<Training> trainingRows(LabelledSet set) {
        List<Training> rows = new ArrayList<>(set.rows().size());
        for (LabelledSet.Row row : set.rows()) {
            rows.add(new Training(signals(row.text()), row.label("sentiment"), row.label("intent"), 1));
        }
        return rows;
    }

    /** Every tenth shipped example is held out: retrained models are compared with the active ones on them. */
    public static final int HOLD_OUT_EVERY = 10;

    /** The shipped examples split into training and held-out rows, and the models trained on the former. */
    public record Shipped(List<Training> train, List<Training> heldOut, Models models) {}

    /** The models Atalaya ships with, trained on the shipped examples less the held-out ones. */
    public Shipped shipped() {
        List<Training> rows = trainingRows(baseTrainingSet());
        List<Training> train = new ArrayList<>();
        List<Training> heldOut = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % HOLD_OUT_EVERY == 0 ? heldOut : train).add(rows.get(i));
        }
        return new Shipped(List.copyOf(train), List.copyOf(heldOut), train(train));
    }

    public static LabelledSet baseTrainingSet() {
        return LabelledSet.resource("triage/training/es.tsv").plus(LabelledSet.resource("triage/training/en.tsv"));
    }
}
