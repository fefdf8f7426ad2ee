package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code server.forward-headers-strategy=native} and a request from a trusted proxy (Tomcat's
 * internal proxies: loopback and private networks), the client address is the forwarded one and a
 * request the proxy received over HTTPS is secure: HSTS is sent and the session cookie is Secure.
 */
@TestPropertySource(properties = {"atalaya.webchat.limits.sessions=3", "server.forward-headers-strategy=native"})
class TrustedProxyIntegrationTest extends ProxyHeaders {

    @Test
    void eachForwardedClientHasItsOwnRateLimit() {
        String slug = workspaces.create("Tienda tras proxy").slug();
        for (int i = 1; i <= 3; i++) {
            assertThat(openChatSessionFor(slug, "198.51.100.10")).isEqualTo(201);
        }
        assertThat(openChatSessionFor(slug, "198.51.100.10")).isEqualTo(429);
        assertThat(openChatSessionFor(slug, "198.51.100.11")).isEqualTo(201);
    }

    @Test
    void httpsAtTheProxyMeansHstsAndSecureCookies() {
        ResponseEntity<String> page = signInPageOverHttps();
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
        assertThat(page.getHeaders().getOrEmpty("Set-Cookie"))
                .as("the session cookie of the sign-in form")
                .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("Secure") && c.contains("HttpOnly"));
    }
}
