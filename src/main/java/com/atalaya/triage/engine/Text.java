package com.atalaya.triage.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message cut into tokens for the classifiers. Each token keeps its surface form and a folded
 * form: lower case, accents removed, leetspeak digits read as letters inside words, runs of three or
 * more equal letters reduced to one ("idiotaaaa" becomes "idiota"). Emoji are tokens of their own.
 * Immutable.
 */
public final class Text {

    /** A word, an emoji, or a clause boundary (empty folded form) where negation scopes end. */
    public record Token(String surface, String folded, boolean word, boolean allCaps) {
        public boolean isBoundary() {
            return !word && folded.isEmpty();
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Texts longer than this are cut: a customer message is triaged by its beginning. */
    public static final int MAX_CHARS = 4_000;

    private final String raw;
    private final List<Token> tokens;
    private final int exclamations;
    private final int questions;
    private final boolean shouting;

    private Text(String raw, List<Token> tokens, int exclamations, int questions, boolean shouting) {
        this.raw = raw;
        this.tokens = tokens;
        this.exclamations = exclamations;
        this.questions = questions;
        this.shouting = shouting;
    }

    public static Text of(String input) {
        String raw = input == null ? "" : input;
        if (raw.length() > MAX_CHARS) {
            raw = raw.substring(0, MAX_CHARS);
        }
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int exclamations = 0;
        int questions = 0;
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)
                    || (isLeetSymbol(cp) && inWord(raw, i, width, word))
                    || (cp == '*' && masksLetter(raw, i, word))) {
                word.appendCodePoint(cp);
                if (Character.isLetter(cp)) {
                    letters++;
                    if (Character.isUpperCase(cp)) {
                        upper++;
                    }
                }
            } else if (cp == '\'' || cp == '’') {
                // English contractions stay one word: don't, isn't, can't
                if (!word.isEmpty() && i + width < raw.length() && Character.isLetter(raw.codePointAt(i + width))) {
                    // the apostrophe is dropped and the word goes on: "don't" folds to "dont"
                } else {
                    flush(word, tokens);
                }
            } else {
                flush(word, tokens);
                if (endsClause(raw, i, cp)) {
                    addBoundary(tokens);
                }
                if (cp == '!' || cp == '¡') {
                    exclamations++;
                } else if (cp == '?' || cp == '¿') {
                    questions++;
                } else if (isEmoji(cp)) {
                    String emoji = new String(Character.toChars(cp));
                    tokens.add(new Token(emoji, emoji, false, false));
                }
            }
            i += width;
        }
        flush(word, tokens);
        boolean shouting = letters >= 8 && upper * 10 >= letters * 8;
        return new Text(raw, List.copyOf(tokens), exclamations, questions, shouting);
    }

    private static boolean inWord(String raw, int i, int width, StringBuilder word) {
        if (!word.isEmpty()) {
            return true;
        }
        return i + width < raw.length() && Character.isLetter(raw.codePointAt(i + width));
    }

    /** Punctuation that ends a clause; a dot only before a space, so "s.c.a.m" stays one word. */
    private static boolean endsClause(String raw, int i, int cp) {
        return switch (cp) {
            case ',', ';', ':', '!', '?', '¡', '¿', '\n' -> true;
            case '.' -> i + 1 >= raw.length() || Character.isWhitespace(raw.charAt(i + 1));
            default -> false;
        };
    }

    private static void addBoundary(List<Token> tokens) {
        if (!tokens.isEmpty() && !tokens.getLast().isBoundary()) {
            tokens.add(new Token(".", "", false, false));
        }
    }

    /** A star between letters hides one: "p*ta". */
    private static boolean masksLetter(String raw, int i, StringBuilder word) {
        return !word.isEmpty() && i + 1 < raw.length() && Character.isLetter(raw.codePointAt(i + 1));
    }

    private static boolean isLeetSymbol(int cp) {
        return cp == '@' || cp == '$' || cp == '€';
    }

    private static void flush(StringBuilder word, List<Token> tokens) {
        if (word.isEmpty()) {
            return;
        }
        String surface = word.toString();
        word.setLength(0);
        String folded = fold(surface);
        boolean hasLetter = surface.codePoints().anyMatch(Character::isLetter);
        boolean allCaps = hasLetter
                && surface.length() > 1
                && surface.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        tokens.add(new Token(surface, folded, true, allCaps));
    }

    /** Lower case without accents, with leetspeak read as letters and long letter runs squeezed. */
    public static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String plain = isAscii(lower)
                ? lower
                : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD))
                        .replaceAll("");
        boolean hasLetter = plain.codePoints().anyMatch(Character::isLetter);
        StringBuilder out = new StringBuilder(plain.length());
        int previous = -1;
        int run = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            i += Character.charCount(cp);
            int c = hasLetter ? unLeet(cp) : cp;
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run <= 2) {
                out.appendCodePoint(c);
            } else if (run == 3 && Character.isLetter(c)) {
                out.setLength(out.length() - 1);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static int unLeet(int cp) {
        return switch (cp) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '€' -> 'e';
            default -> cp;
        };
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF);
    }

    public String raw() {
        return raw;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int exclamations() {
        return exclamations;
    }

    public int questions() {
        return questions;
    }

    /** Most letters are capitals: the whole message is shouted. */
    public boolean shouting() {
        return shouting;
    }

    /** The folded words joined by single spaces, for phrase rules. */
    public String foldedLine() {
        StringBuilder line = new StringBuilder(raw.length() + 2).append(' ');
        for (Token t : tokens) {
            if (t.word()) {
                line.append(t.folded()).append(' ');
            }
        }
        return line.toString();
    }
}
