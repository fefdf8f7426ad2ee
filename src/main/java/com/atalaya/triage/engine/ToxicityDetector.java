package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds insults and threats in Spanish and English, whatever the language detected: both lists
 * are always checked. Robust to accents, repeated letters and leetspeak (through {@link Text}
 * folding), to letters spread out with spaces or dots ("i n u t i l e s") and to letters masked
 * with a star ("p*ta"). An insult right after a second-person address ("sois unos ...", "you
 * are ...") counts more. Thread-safe.
 */
public final class ToxicityDetector {

    private static final int ADDRESS_REACH = 3;

    private final Lexicon insults;
    private final Lexicon address;
    private final List<Lexicon.Entry> maskable;

    public ToxicityDetector() {
        this.insults = Lexicon.merge(
                Lexicon.load("triage/lexicon/insults-es.tsv"), Lexicon.load("triage/lexicon/insults-en.tsv"));
        this.address = Lexicon.merge(
                Lexicon.load("triage/lexicon/second-person-es.tsv"),
                Lexicon.load("triage/lexicon/second-person-en.tsv"));
        this.maskable = insults.singleWords();
    }

    public Toxicity detect(Text text) {
        List<Text.Token> tokens = text.tokens();
        List<String> folded = new ArrayList<>(tokens.size());
        List<String> surfaces = new ArrayList<>(tokens.size());
        collapseSpacedLetters(tokens, folded, surfaces);
        for (int i = 0; i < folded.size(); i++) {
            if (folded.get(i).indexOf('*') >= 0) {
                Lexicon.Match unmasked = masked(folded.get(i), i);
                if (unmasked != null) {
                    folded.set(i, unmasked.entry().term());
                }
            }
        }
        List<String> terms = new ArrayList<>();
        double severity = 0;
        double strongest = 0;
        boolean addressed = false;
        int addressAt = -100;
        for (int i = 0; i < folded.size(); ) {
            String word = folded.get(i);
            Lexicon.Match insult = word.isEmpty() ? null : insults.at(folded, i);
            if (insult != null) {
                double s = insult.entry().number(0);
                boolean afterAddress = i - addressAt <= ADDRESS_REACH;
                if (afterAddress) {
                    addressed = true;
                    s += 1;
                }
                severity += s;
                strongest = Math.max(strongest, s);
                terms.add(String.join(" ", surfaces.subList(i, i + insult.length())));
                i += insult.length();
                continue;
            }
            Lexicon.Match you = address.at(folded, i);
            if (you != null) {
                addressAt = i + you.length() - 1;
                i += you.length();
                continue;
            }
            i++;
        }
        boolean toxic = strongest >= 2 || (severity >= 2 && terms.size() >= 2);
        double score = 1 - Math.exp(-0.55 * severity);
        return new Toxicity(toxic, score, List.copyOf(terms), addressed);
    }

    /** Runs of three or more one-letter words are read as one word: "s c a m" is "scam". */
    private static void collapseSpacedLetters(List<Text.Token> tokens, List<String> folded, List<String> surfaces) {
        int i = 0;
        while (i < tokens.size()) {
            int end = i;
            while (end < tokens.size()
                    && tokens.get(end).word()
                    && tokens.get(end).folded().length() == 1) {
                end++;
            }
            if (end - i >= 3) {
                StringBuilder joined = new StringBuilder();
                StringBuilder surface = new StringBuilder();
                for (int k = i; k < end; k++) {
                    joined.append(tokens.get(k).folded());
                    surface.append(tokens.get(k).surface()).append(k + 1 < end ? " " : "");
                }
                folded.add(Text.fold(joined.toString()));
                surfaces.add(surface.toString());
                i = end;
            } else {
                Text.Token t = tokens.get(i);
                folded.add(t.word() ? t.folded() : "");
                surfaces.add(t.surface());
                i++;
            }
        }
    }

    private Lexicon.Match masked(String word, int at) {
        for (Lexicon.Entry entry : maskable) {
            String term = entry.term();
            if (term.length() != word.length() || term.endsWith("*")) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < term.length() && same; k++) {
                char c = word.charAt(k);
                same = c == '*' || c == term.charAt(k);
            }
            if (same) {
                return new Lexicon.Match(entry, at, 1);
            }
        }
        return null;
    }
}
