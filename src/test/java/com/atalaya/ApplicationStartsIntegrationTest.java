package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationStartsIntegrationTest extends IntegrationTest {

    @Test
    void healthAnswersUp() {
        String body = http().get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(body).contains("\"status\":\"UP\"");
    }
}
