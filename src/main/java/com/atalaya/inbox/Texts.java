package com.atalaya.inbox;

/** Length limits and previews of message text. */
final class Texts {

    static final int MAX_BODY = 200_000;

    private Texts() {}

    static String limit(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String preview(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 280 ? flat : flat.substring(0, 279) + "…";
    }
}
