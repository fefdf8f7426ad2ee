package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class MetricsIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void prometheusAnswersTheOperatorsTokenWithThePipelineFigures() {
        Tenant shop = workspaces.create("Tienda");
        jdbc.update(
                "update user_accounts set operator = true where id = ?",
                shop.admin().id());

        ResponseEntity<String> scrape = scrape(token(shop));

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody())
                .contains("atalaya_inbound_messages_received_total")
                .contains("atalaya_inbound_messages_inboxed_total")
                .contains("atalaya_inbound_messages_triaged_total")
                .contains("atalaya_event_publications_incomplete")
                .contains("atalaya_inbound_queue_waiting")
                .contains("atalaya_inbound_inbox_latency_seconds_bucket");
    }

    @Test
    void prometheusIsClosedToOtherUsersAndToAnonymousCallers() {
        Tenant shop = workspaces.create("Tienda");

        assertThat(scrape(token(shop)).getStatusCode().value()).isEqualTo(403);
        assertThat(scrape(null).getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<String> scrape(String token) {
        var request = http().get().uri("/actuator/prometheus");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    @SuppressWarnings("unchecked")
    private String token(Tenant tenant) {
        Map<String, Object> body = http().post()
                .uri("/api/v1/tokens")
                .headers(h -> h.setBasicAuth(tenant.email(), TestWorkspaces.PASSWORD))
                .retrieve()
                .body(Map.class);
        return (String) body.get("token");
    }
}
