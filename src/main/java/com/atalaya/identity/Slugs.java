package com.atalaya.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a brand name into a URL slug: "Café Ñandú S.L." becomes "cafe-nandu-s-l". */
public final class Slugs {

    private Slugs() {}

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
