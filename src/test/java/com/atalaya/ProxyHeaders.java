package com.atalaya;

import com.atalaya.identity.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * What a reverse proxy in front of Atalaya adds to each request (X-Forwarded-For, X-Forwarded-Proto),
 * and what the application makes of it: the client address that rate limits count by, and whether
 * the request was secure (HSTS, the session cookie's Secure flag).
 */
abstract class ProxyHeaders extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    /** Opens a chat session as a request forwarded by a proxy for {@code clientAddress}; the status. */
    int openChatSessionFor(String slug, String clientAddress) {
        return http().post()
                .uri("/widget/" + slug + "/api/sessions")
                .header("X-Forwarded-For", clientAddress)
                .header("Content-Type", "application/json")
                .body("{\"name\":\"Ana\"}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    /** The sign-in page (once the instance is set up) as a proxy that terminated HTTPS forwards it. */
    ResponseEntity<String> signInPageOverHttps() {
        workspaces.create("Tienda " + java.util.UUID.randomUUID());
        return http().get()
                .uri("/login")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .retrieve()
                .toEntity(String.class);
    }
}
