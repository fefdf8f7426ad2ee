package com.atalaya;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** A signed-in browser-like session (cookies, CSRF token) for UI slice tests over real HTTP. */
public final class UiSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    private UiSession(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    public static UiSession anonymous(int port) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new UiSession(client, "http://localhost:" + port);
    }

    public static UiSession of(int port, String email, String password) {
        UiSession session = anonymous(port);
        int status = session.postWithToken("/login", "/login", "username=" + enc(email) + "&password=" + enc(password));
        if (status != 302) {
            throw new IllegalStateException("Sign-in failed with " + status);
        }
        return session;
    }

    public static RestClient signIn(int port, String email, String password) {
        UiSession session = of(port, email, password);
        return RestClient.builder()
                .baseUrl(session.base)
                .requestFactory(new JdkClientHttpRequestFactory(session.client))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build())
                .body();
    }

    public int status(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build())
                .statusCode();
    }

    /** Posts a form with the CSRF token of the page at {@code path}'s workspace inbox (any signed-in page will do). */
    public int post(String path, String form) {
        return postWithToken("/profile", path, form);
    }

    public HttpResponse<String> postForResponse(String tokenPage, String path, String form) {
        String token = token(get(tokenPage));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token)))
                .build());
    }

    private int postWithToken(String tokenPage, String path, String form) {
        return postForResponse(tokenPage, path, form).statusCode();
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
