package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list read from a classpath TSV file: folded term, then one or more columns. A term ending
 * in {@code *} matches every word that starts with it; a term of several words matches that phrase.
 * Lines starting with {@code #} are comments. Immutable once loaded.
 */
public final class Lexicon {

    public record Entry(String term, String[] words, String[] columns) {
        public double number(int column) {
            return Double.parseDouble(columns[column]);
        }
    }

    /** A phrase or word found in a text: the index of its first token and how many tokens it spans. */
    public record Match(Entry entry, int start, int length) {}

    private final Map<String, Entry> words = new HashMap<>();
    private final Map<String, Entry> prefixes = new HashMap<>();
    private final Map<String, List<Entry>> phrasesByFirstWord = new HashMap<>();
    private int longestPrefix;

    public static Lexicon load(String resource) {
        Lexicon lexicon = new Lexicon();
        for (String line : WordFiles.lines(resource)) {
            String[] fields = line.split("\t");
            String[] columns = new String[fields.length - 1];
            System.arraycopy(fields, 1, columns, 0, columns.length);
            lexicon.add(fields[0].strip(), columns);
        }
        return lexicon;
    }

    public static Lexicon merge(Lexicon... parts) {
        Lexicon merged = new Lexicon();
        for (Lexicon part : parts) {
            merged.words.putAll(part.words);
            merged.prefixes.putAll(part.prefixes);
            part.phrasesByFirstWord.forEach((first, phrases) -> merged.phrasesByFirstWord
                    .computeIfAbsent(first, k -> new ArrayList<>())
                    .addAll(phrases));
            merged.longestPrefix = Math.max(merged.longestPrefix, part.longestPrefix);
        }
        return merged;
    }

    /** The entries that are one whole word (no prefix, no phrase). */
    public List<Entry> singleWords() {
        return List.copyOf(words.values());
    }

    private void add(String term, String[] columns) {
        String[] parts = term.split(" +");
        if (parts.length > 1) {
            String[] folded = new String[parts.length];
            for (int i = 0; i < parts.length; i++) {
                folded[i] = Text.fold(parts[i]);
            }
            Entry entry = new Entry(String.join(" ", folded), folded, columns);
            phrasesByFirstWord
                    .computeIfAbsent(folded[0], k -> new ArrayList<>())
                    .add(entry);
        } else if (term.endsWith("*")) {
            String prefix = Text.fold(term.substring(0, term.length() - 1));
            prefixes.put(prefix, new Entry(term, new String[] {prefix}, columns));
            longestPrefix = Math.max(longestPrefix, prefix.length());
        } else {
            String folded = Text.fold(term);
            words.put(folded, new Entry(folded, new String[] {folded}, columns));
        }
    }

    /** The entry for one folded word: exact, else the longest matching prefix. */
    public Entry word(String folded) {
        Entry exact = words.get(folded);
        if (exact != null) {
            return exact;
        }
        for (int length = Math.min(folded.length(), longestPrefix); length >= 2; length--) {
            Entry prefix = prefixes.get(folded.substring(0, length));
            if (prefix != null) {
                return prefix;
            }
        }
        return null;
    }

    /** The longest entry (phrase or word) starting at the given folded word. */
    public Match at(List<String> folded, int start) {
        List<Entry> phrases = phrasesByFirstWord.get(folded.get(start));
        if (phrases != null) {
            Match best = null;
            for (Entry phrase : phrases) {
                String[] parts = phrase.words();
                if (start + parts.length <= folded.size() && matches(folded, start, parts)) {
                    if (best == null || parts.length > best.length()) {
                        best = new Match(phrase, start, parts.length);
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        Entry word = word(folded.get(start));
        return word == null ? null : new Match(word, start, 1);
    }

    private static boolean matches(List<String> folded, int start, String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (!folded.get(start + i).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return words.size()
                + prefixes.size()
                + phrasesByFirstWord.values().stream().mapToInt(List::size).sum();
    }
}
