package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The migration history can be trusted: no applied (locked) migration is edited, versions are
 * unique and contiguous across the module folders, and every folder is a configured Flyway
 * location.
 */
class MigrationHistoryTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path LOCK = Path.of("src/test/resources/db/migrations.lock");

    @Test
    void migrationsAreLockedContiguousAndInConfiguredModuleFolders() {
        List<String> problems = MigrationLock.problems(MIGRATIONS, flywayLocations(), LOCK);

        assertThat(problems)
                .as("Migration history problems:%n  %s%n", String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
    }

    @Test
    void everyModuleFolderIsAFlywayLocationInVersionOrder() {
        assertThat(flywayLocations())
                .containsExactly(
                        "classpath:db/migration/platform",
                        "classpath:db/migration/identity",
                        "classpath:db/migration/channels",
                        "classpath:db/migration/inbox",
                        "classpath:db/migration/service",
                        "classpath:db/migration/notify",
                        "classpath:db/migration/triage",
                        "classpath:db/migration/replies");
    }

    static List<String> flywayLocations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
        Properties properties = yaml.getObject();
        List<String> locations = new ArrayList<>();
        for (int i = 0; properties.containsKey("spring.flyway.locations[" + i + "]"); i++) {
            locations.add(properties.getProperty("spring.flyway.locations[" + i + "]"));
        }
        return locations;
    }
}
