package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration checker, on a small history in a temporary folder. */
class MigrationLockTest {

    @TempDir
    Path root;

    Path lock;
    final List<String> locations = List.of("classpath:db/migration/identity", "classpath:db/migration/inbox");

    @BeforeEach
    void twoLockedMigrations() throws IOException {
        write("identity/V1__identity.sql", "create table workspaces (id uuid primary key);\n");
        write("inbox/V2__inbox.sql", "create table contacts (id uuid primary key);\n");
        lock = root.resolve("migrations.lock");
        Files.writeString(
                lock,
                "# comment\n" + line(1, "identity/V1__identity.sql") + "\n" + line(2, "inbox/V2__inbox.sql") + "\n");
    }

    List<String> problems() {
        return MigrationLock.problems(root, locations, lock);
    }

    @Test
    void aLockedHistoryHasNoProblems() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void anEditedLockedMigrationIsReportedWithTheWayOut() throws IOException {
        write("inbox/V2__inbox.sql", "create table contacts (id uuid primary key, name varchar(200));\n");

        assertThat(problems())
                .singleElement(STRING)
                .contains("V2 (inbox/V2__inbox.sql) was edited after it was locked")
                .contains("checksum mismatch")
                .contains("new migration V3__");
    }

    @Test
    void lineEndingsDoNotCountAsAnEdit() throws IOException {
        write("inbox/V2__inbox.sql", "create table contacts (id uuid primary key);\r\n");

        assertThat(problems()).isEmpty();
    }

    @Test
    void aDeletedOrRenamedLockedMigrationIsReported() throws IOException {
        Files.move(root.resolve("inbox/V2__inbox.sql"), root.resolve("inbox/V2__contacts.sql"));

        assertThat(problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("V2 (inbox/V2__inbox.sql) is locked")
                        .contains("gone"));
    }

    @Test
    void aGapInTheVersionsIsReported() throws IOException {
        write("identity/V4__teams.sql", "create table teams (id uuid primary key);\n");

        assertThat(problems())
                .anySatisfy(p -> assertThat(p).startsWith("V3 is missing").contains("next migration is V5"));
    }

    @Test
    void aVersionUsedTwiceIsReported() throws IOException {
        write("identity/V2__teams.sql", "create table teams (id uuid primary key);\n");

        assertThat(problems())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("V2 is used by [identity/V2__teams.sql, inbox/V2__inbox.sql]")
                        .contains("renumber the newer one V3"));
    }

    @Test
    void aNewMigrationMustBeLockedAndTheLineToAppendIsGiven() throws IOException {
        write("inbox/V3__tags.sql", "create table tags (id uuid primary key);\n");

        assertThat(problems())
                .singleElement(STRING)
                .contains("V3 (inbox/V3__tags.sql) is new and not locked yet")
                .endsWith(line(3, "inbox/V3__tags.sql"));
    }

    @Test
    void aMigrationOutsideTheConfiguredLocationsIsReported() throws IOException {
        write("V3__stray.sql", "create table stray (id uuid primary key);\n");
        write("notify/V4__notifications.sql", "create table notifications (id uuid primary key);\n");
        Files.writeString(
                lock,
                Files.readString(lock) + line(3, "V3__stray.sql") + "\n" + line(4, "notify/V4__notifications.sql"));

        assertThat(problems())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("is in no configured Flyway location"));
    }

    @Test
    void aMigrationNamedOutsideTheSchemeIsReported() throws IOException {
        write("inbox/V3.1__Tags.sql", "create table tags (id uuid primary key);\n");

        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("is not named V<version>__"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String line(int version, String path) {
        return version + " " + path + " " + MigrationLock.checksum(root.resolve(path));
    }
}
