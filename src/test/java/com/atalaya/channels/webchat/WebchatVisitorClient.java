package com.atalaya.channels.webchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** What a chat frame does over HTTP, for integration tests. */
final class WebchatVisitorClient {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final int port;

    WebchatVisitorClient(RestClient http, int port) {
        this.http = http;
        this.port = port;
    }

    record Session(String visitorId, String token) {}

    ResponseEntity<Map<String, Object>> openSession(String slug, Map<String, ?> body) {
        return http.post()
                .uri("/widget/{slug}/api/sessions", slug)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    Session session(String slug) {
        ResponseEntity<Map<String, Object>> response = openSession(slug, Map.of());
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("No session: " + response);
        }
        return new Session((String) response.getBody().get("visitorId"), (String)
                response.getBody().get("token"));
    }

    ResponseEntity<Map<String, Object>> post(String slug, String token, Map<String, ?> body, String language) {
        return http.post()
                .uri("/widget/{slug}/api/messages", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    ResponseEntity<Map<String, Object>> say(String slug, Session session, String text) {
        return post(slug, session.token(), Map.of("text", text), "es");
    }

    ResponseEntity<Map<String, Object>> transcript(String slug, String token) {
        return http.get()
                .uri("/widget/{slug}/api/messages", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .toEntity(JSON);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines(String slug, Session session) {
        return (List<Map<String, Object>>)
                transcript(slug, session.token()).getBody().get("lines");
    }

    ResponseEntity<Map<String, Object>> status(String slug) {
        return http.get().uri("/widget/{slug}/api/status", slug).retrieve().toEntity(JSON);
    }

    boolean online(String slug) {
        return Boolean.TRUE.equals(status(slug).getBody().get("online"));
    }

    ResponseEntity<Map<String, Object>> leaveMessage(String slug, Map<String, ?> body, String language) {
        return http.post()
                .uri("/widget/{slug}/api/offline-messages", slug)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    /** Posts a body as it is written, for JSON of the wrong shape; {@code token} may be null. */
    ResponseEntity<Map<String, Object>> postRaw(String slug, String path, String token, String json, String language) {
        return http.post()
                .uri("/widget/{slug}/api/" + path, slug)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(JSON);
    }

    /** Listens to a frame's event stream; collects the raw lines it receives until closed. */
    EventStream stream(String slug, String token) {
        return stream(slug, token, Map.of());
    }

    /** A stream opened with extra request headers, such as the X-Forwarded-For of a proxy. */
    EventStream stream(String slug, String token, Map<String, String> headers) {
        return new EventStream(
                URI.create("http://localhost:" + port + "/widget/" + slug + "/api/stream"
                        + (token == null ? "" : "?token=" + token)),
                headers);
    }

    static final class EventStream implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final HttpClient client = HttpClient.newHttpClient();
        volatile int status;
        volatile HttpHeaders headers;

        EventStream(URI uri, Map<String, String> extraHeaders) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            extraHeaders.forEach(request::header);
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> {
                        HttpHeaders received = new HttpHeaders();
                        response.headers().map().forEach(received::addAll);
                        headers = received;
                        status = response.statusCode();
                        response.body().forEach(lines::add);
                    });
        }

        /** The body of a refused stream (a problem document), once it has arrived. */
        String body() {
            return String.join("\n", lines);
        }

        boolean received(String event, String dataContaining) {
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).equals("event:" + event)
                        && lines.get(i + 1).startsWith("data:")
                        && lines.get(i + 1).contains(dataContaining)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            client.shutdownNow();
        }
    }
}
