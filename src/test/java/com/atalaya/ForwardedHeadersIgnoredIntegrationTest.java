package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Without a trusted proxy configured, forwarded headers are anyone's to forge: they change neither
 * the client address the rate limits count by nor whether the request counts as secure.
 */
@TestPropertySource(properties = "atalaya.webchat.limits.sessions=3")
class ForwardedHeadersIgnoredIntegrationTest extends ProxyHeaders {

    @Test
    void aForgedClientAddressDoesNotEscapeTheRateLimit() {
        String slug = workspaces.create("Tienda sin proxy").slug();
        for (int i = 1; i <= 3; i++) {
            assertThat(openChatSessionFor(slug, "198.51.100." + i)).isEqualTo(201);
        }
        assertThat(openChatSessionFor(slug, "198.51.100.4")).isEqualTo(429);
    }

    @Test
    void aForgedHttpsDoesNotMakeTheRequestSecure() {
        ResponseEntity<String> page = signInPageOverHttps();
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().get("Strict-Transport-Security")).isNull();
        assertThat(page.getHeaders().getOrEmpty("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }
}
