package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule-based sentiment: word and emoji valences from the project's own lexicons, flipped by a
 * negation up to three words before, scaled by intensifiers and diminishers, a clause after
 * "pero"/"but" weighing more, capitals and exclamation marks adding emphasis. The sum is squashed
 * into (-1, 1) as in VADER (Hutto and Gilbert, 2014). Thread-safe.
 */
public final class LexiconSentiment {

    static final double POSITIVE_THRESHOLD = 0.05;
    private static final int NEGATION_REACH = 3;
    private static final double CAPS_BOOST = 0.733;
    private static final double EXCLAMATION_BOOST = 0.292;

    private final Lexicon spanish = Lexicon.load("triage/lexicon/sentiment-es.tsv");
    private final Lexicon english = Lexicon.load("triage/lexicon/sentiment-en.tsv");
    private final Lexicon emoji = Lexicon.load("triage/lexicon/emoji.tsv");
    private final Lexicon spanishModifiers = Lexicon.load("triage/lexicon/modifiers-es.tsv");
    private final Lexicon englishModifiers = Lexicon.load("triage/lexicon/modifiers-en.tsv");

    public Sentiment score(Text text, String language) {
        boolean en = "en".equals(language);
        boolean es = "es".equals(language);
        List<Text.Token> tokens = text.tokens();
        List<String> folded = new ArrayList<>(tokens.size());
        for (Text.Token t : tokens) {
            folded.add(t.folded());
        }
        List<String> cues = new ArrayList<>();
        double sum = 0;
        double negationFactor = 1;
        int negationLeft = 0;
        double scale = 1;
        double clauseWeight = 1;
        boolean contrastSeen = false;
        boolean afterNegatedWord = false;
        for (int i = 0; i < tokens.size(); ) {
            Text.Token token = tokens.get(i);
            if (token.isBoundary()) {
                negationLeft = 0;
                scale = 1;
                afterNegatedWord = false;
                i++;
                continue;
            }
            if (!token.word()) {
                Lexicon.Entry e = emoji.word(token.folded());
                if (e != null) {
                    double v = e.number(0);
                    sum += v * clauseWeight;
                    cues.add(token.surface() + " " + signed(v));
                }
                i++;
                continue;
            }
            Lexicon.Match match = sentiment(folded, i, en, es);
            Lexicon.Match modifier = match != null && match.length() > 1 ? null : modifier(folded, i, en, es);
            if (modifier != null) {
                String kind = modifier.entry().columns()[0];
                double factor = modifier.entry().number(1);
                switch (kind) {
                    case "negation" -> {
                        // "no me gustó nada": the second negative word stresses the first, it does not undo it
                        if (!afterNegatedWord) {
                            negationFactor = factor;
                            negationLeft = NEGATION_REACH;
                        }
                    }
                    case "intensifier", "diminisher" -> scale *= factor;
                    case "contrast" -> {
                        if (!contrastSeen) {
                            sum = sum * 0.5;
                            clauseWeight = factor;
                            contrastSeen = true;
                        }
                    }
                    default -> {}
                }
                afterNegatedWord = false;
                i += modifier.length();
                continue;
            }
            afterNegatedWord = false;
            if (match != null) {
                double v = match.entry().number(0);
                if (token.allCaps() && !text.shouting()) {
                    v += Math.signum(v) * CAPS_BOOST;
                }
                v *= scale;
                String cue = match.entry().term();
                if (negationLeft > 0) {
                    v *= negationFactor;
                    cue = "no " + cue;
                    negationLeft = 0;
                    afterNegatedWord = true;
                }
                sum += v * clauseWeight;
                cues.add(cue + " " + signed(v));
                scale = 1;
                i += match.length();
            } else {
                i++;
            }
            if (negationLeft > 0) {
                negationLeft--;
            }
        }
        if (sum != 0 && text.exclamations() > 0) {
            sum += Math.signum(sum) * Math.min(text.exclamations(), 4) * EXCLAMATION_BOOST;
        }
        double score = sum / Math.sqrt(sum * sum + 15);
        SentimentLabel label = score >= POSITIVE_THRESHOLD
                ? SentimentLabel.POSITIVE
                : score <= -POSITIVE_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(label, score, List.copyOf(cues));
    }

    private Lexicon.Match modifier(List<String> folded, int i, boolean en, boolean es) {
        Lexicon.Match m = en ? null : spanishModifiers.at(folded, i);
        if (m == null && !es) {
            m = englishModifiers.at(folded, i);
        }
        return m;
    }

    private Lexicon.Match sentiment(List<String> folded, int i, boolean en, boolean es) {
        Lexicon.Match m = en ? null : spanish.at(folded, i);
        if (m == null && !es) {
            m = english.at(folded, i);
        }
        return m;
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }
}
