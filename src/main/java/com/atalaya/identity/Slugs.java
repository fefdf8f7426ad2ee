package com.atalaya.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a brand name into a URL slug: "Café Ñandú S.L." becomes "cafe-nandu-s-l". */
public final class Slugs {

    /** Slugs have at most this many characters. */
    public static final int MAX_LENGTH = 64;

    private Slugs() {}

    /**
     * Whether the text could be a workspace's slug (lower-case letters, digits and dashes, starting
     * with a letter or digit): anything else in a URL names no workspace and needs no query.
     */
    public static boolean isSlug(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || text.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }
}
