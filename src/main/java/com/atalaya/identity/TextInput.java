package com.atalaya.identity;

/**
 * Checks of text that people type, each one pass over the text: no regular expression that could
 * backtrack, so a hostile input costs time in proportion to its length, which callers bound first.
 */
public final class TextInput {

    /** RFC 5321: a path has at most 256 octets, so an address at most 254. */
    public static final int MAX_EMAIL = 254;

    private TextInput() {}

    /**
     * Whether the text holds a C0 control character other than tab, line feed and carriage return
     * (NUL among them, which PostgreSQL cannot store in text), or DEL.
     */
    public static boolean hasControlCharacter(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isForbiddenControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without the characters {@link #hasControlCharacter} looks for. */
    public static String withoutControlCharacters(String text) {
        if (text == null || !hasControlCharacter(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isForbiddenControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** One line: every run of whitespace (line breaks too) becomes one space, and the ends are stripped. */
    public static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !line.isEmpty()) {
                    line.append(' ');
                }
                space = false;
                line.append(c);
            }
        }
        return line.toString();
    }

    /**
     * Whether the text looks like an e-mail address: at most {@link #MAX_EMAIL} characters, exactly
     * one {@code @} with something before it, a domain with a dot neither first nor last and no
     * empty label, and no whitespace or control characters anywhere. Length is checked first.
     */
    public static boolean isEmailAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_EMAIL) {
            return false;
        }
        int at = -1;
        boolean dotInDomain = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == '.' && at >= 0) {
                if (i == at + 1 || text.charAt(i - 1) == '.') {
                    return false;
                }
                dotInDomain = true;
            }
        }
        return at > 0 && dotInDomain && text.charAt(text.length() - 1) != '.';
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
}
