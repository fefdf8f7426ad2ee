package com.atalaya;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the Flyway migration files with the lock of migrations that databases may already have
 * applied. A locked migration must stay byte for byte as it was (line endings aside); versions are
 * global across the module folders, unique and contiguous from 1.
 */
final class MigrationLock {

    static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__[a-z0-9]+(_[a-z0-9]+)*\\.sql");
    static final String LOCATION_PREFIX = "classpath:db/migration/";

    /** One migration file: its version and its path relative to the migration root, with '/'. */
    record Migration(int version, String path, String checksum) {

        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        String lockLine() {
            return version + " " + path + " " + checksum;
        }
    }

    private MigrationLock() {}

    /**
     * Every way the migrations disagree with the rules, one sentence each a developer can act on;
     * empty when all is well.
     *
     * @param root the migration root ({@code src/main/resources/db/migration})
     * @param locations Flyway's configured locations ({@code classpath:db/migration/<folder>})
     * @param lockFile the lock, lines of {@code version path sha256}; '#' starts a comment
     */
    static List<String> problems(Path root, List<String> locations, Path lockFile) {
        List<String> problems = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String location : locations) {
            String folder = location.startsWith(LOCATION_PREFIX) ? location.substring(LOCATION_PREFIX.length()) : "";
            if (folder.isEmpty() || folder.contains("/")) {
                problems.add("Flyway location " + location + " is not a module folder: use " + LOCATION_PREFIX
                        + "<module>.");
            } else if (!Files.isDirectory(root.resolve(folder))) {
                problems.add("Flyway location " + location + " has no folder " + root.resolve(folder) + ".");
            } else {
                folders.add(folder);
            }
        }

        List<Path> files = sqlFiles(root);
        List<Migration> migrations = new ArrayList<>();
        for (Path file : files) {
            String path = root.relativize(file).toString().replace('\\', '/');
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            int slash = path.indexOf('/');
            if (slash < 0 || !folders.contains(path.substring(0, slash))) {
                problems.add(path + " is in no configured Flyway location: put it in the folder of the module"
                        + " that owns its tables and list that folder in spring.flyway.locations.");
            }
            if (!name.matches()) {
                problems.add(path + " is not named V<version>__<what_it_does>.sql (lower case, digits and"
                        + " underscores; whole version numbers only).");
                continue;
            }
            migrations.add(new Migration(Integer.parseInt(name.group(1)), path, checksum(file)));
        }

        TreeMap<Integer, List<Migration>> byVersion = migrations.stream()
                .collect(Collectors.groupingBy(Migration::version, TreeMap::new, Collectors.toList()));
        int next = byVersion.isEmpty() ? 1 : byVersion.lastKey() + 1;
        byVersion.forEach((version, same) -> {
            if (same.size() > 1) {
                problems.add("V" + version + " is used by "
                        + same.stream().map(Migration::path).toList()
                        + ": every version is used once across all module folders; renumber the newer one V"
                        + next + ".");
            }
        });
        for (int version = 1; version < next; version++) {
            if (!byVersion.containsKey(version)) {
                problems.add("V" + version + " is missing: versions run from V1 without gaps; the next migration"
                        + " is V" + next + ".");
            }
        }

        Map<Integer, Migration> locked = readLock(lockFile, problems);
        locked.forEach((version, entry) -> {
            List<Migration> present = byVersion.getOrDefault(version, List.of());
            Migration same = present.stream()
                    .filter(m -> m.fileName().equals(entry.fileName()))
                    .findFirst()
                    .orElse(null);
            if (same == null) {
                problems.add("V" + version + " (" + entry.path() + ") is locked, so databases may have applied it,"
                        + " but the file is gone or renamed: restore it as it was; undo or change its effect with a"
                        + " new migration V" + next + ".");
            } else if (!same.checksum().equals(entry.checksum())) {
                problems.add("V" + version + " (" + same.path() + ") was edited after it was locked. Databases that"
                        + " applied it would refuse to start (Flyway checksum mismatch). Restore it (git checkout --"
                        + " src/main/resources/db/migration/" + same.path() + ") and put the change into a new"
                        + " migration V" + next + "__<what_it_does>.sql in the folder of the module that owns the"
                        + " table.");
            } else if (!same.path().equals(entry.path())) {
                problems.add("V" + version + " moved from " + entry.path() + " to " + same.path() + " (Flyway does"
                        + " not mind the folder): change its line in " + lockFile + " to: " + same.lockLine());
            }
        });
        for (Migration migration : migrations) {
            if (!locked.containsKey(migration.version())) {
                problems.add("V" + migration.version() + " (" + migration.path() + ") is new and not locked yet:"
                        + " when it is final, append to " + lockFile + " the line: " + migration.lockLine());
            }
        }
        return problems;
    }

    static List<Path> sqlFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the file's text with a byte-order mark dropped and CR LF read as LF. */
    static String checksum(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            byte[] normalised = text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, Migration> readLock(Path lockFile, List<String> problems) {
        Map<Integer, Migration> locked = new TreeMap<>();
        if (!Files.exists(lockFile)) {
            problems.add(lockFile + " does not exist.");
            return locked;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 3 || !fields[0].matches("[1-9][0-9]*")) {
                problems.add(lockFile + " has a line that is not 'version path sha256': " + content);
                continue;
            }
            Migration entry = new Migration(Integer.parseInt(fields[0]), fields[1], fields[2]);
            if (locked.put(entry.version(), entry) != null) {
                problems.add(lockFile + " locks V" + entry.version() + " twice.");
            }
        }
        return locked;
    }
}
