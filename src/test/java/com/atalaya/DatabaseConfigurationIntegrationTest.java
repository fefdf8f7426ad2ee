package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DatabaseConfigurationIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void postgresqlBatchesOfInsertsAreSentAsMultiRowStatementsAndOtherDatabasesAreLeftAlone() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                .isEqualTo(POSTGRES ? "true" : null);
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }
}
