package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ScheduledJobsIntegrationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void jobsThatMustRunOnceAcrossNodesTakeTheirLockRow() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList("select name from shedlock", String.class))
                        .contains("outbound-retries", "snooze-wake-up"));
        List<String> holders = jdbc.queryForList("select locked_by from shedlock", String.class);
        assertThat(holders).allSatisfy(h -> assertThat(h).isNotBlank());
    }
}
