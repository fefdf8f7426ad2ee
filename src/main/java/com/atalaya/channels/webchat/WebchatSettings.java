package com.atalaya.channels.webchat;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The widget's look as configured on its channel connection. Values reach CSS and HTML, so the
 * accent colour is only ever a validated hex colour.
 */
record WebchatSettings(String title, String greeting, String accentColor) {

    static final String DEFAULT_GREETING = "¡Hola! ¿En qué podemos ayudarte?";
    static final String DEFAULT_ACCENT = "#0f766e";
    static final int MAX_TITLE = 80;
    static final int MAX_GREETING = 500;
    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    static boolean isHexColour(String value) {
        return value != null && HEX_COLOUR.matcher(value).matches();
    }

    /** Reads stored settings, falling back to the workspace name and the defaults for anything unusable. */
    static WebchatSettings of(Map<String, String> stored, String workspaceName) {
        String title = blankToNull(stored.get("title"));
        String greeting = blankToNull(stored.get("greeting"));
        String accent = stored.get("accentColor");
        return new WebchatSettings(
                title == null ? workspaceName : limit(title, MAX_TITLE),
                greeting == null ? DEFAULT_GREETING : limit(greeting, MAX_GREETING),
                isHexColour(accent) ? accent.toLowerCase(java.util.Locale.ROOT) : DEFAULT_ACCENT);
    }

    boolean hasDefaultGreeting() {
        return DEFAULT_GREETING.equals(greeting);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
