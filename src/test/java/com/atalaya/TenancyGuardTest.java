package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No query on a workspace-owned table can cross workspaces by accident. A workspace-owned table
 * is one with a {@code workspace_id} column; its entity has a {@code workspaceId}. Every method
 * of such an entity's repository takes the workspace id, every inherited lookup on it
 * ({@code findById}, {@code findAll}...) and every SQL statement on such a table filters by the
 * workspace, or it is on one of the short allow-lists below with the reason it is safe.
 */
class TenancyGuardTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.atalaya");

    /** Repository methods without a workspace id; key: repository (below com.atalaya) and method. */
    static final Map<String, String> METHODS_WITHOUT_WORKSPACE = Map.ofEntries(
            Map.entry(
                    "channels.Connections.findByTypeAndEnabledTrue",
                    "the mailbox workers of the instance start every enabled mailbox; no request reaches it"),
            Map.entry(
                    "channels.OutboundDeliveries.findByMessageId",
                    "outbound dispatcher: the message id comes from the OutboundMessageRequested event of a"
                            + " reply the inbox stored in its workspace"),
            Map.entry("channels.OutboundDeliveries.claim", "outbound dispatcher, by the message id of the event"),
            Map.entry(
                    "channels.OutboundDeliveries.findTop50ByStatusAndNextAttemptAtBeforeOrderByNextAttemptAt",
                    "the retry job of the instance"),
            Map.entry(
                    "identity.Memberships.findByUserId",
                    "a user's own memberships in every workspace: the list of workspaces they may enter"),
            Map.entry(
                    "inbox.Conversations.findByStatusAndSnoozedUntilBefore", "the snooze wake-up job of the instance"),
            Map.entry(
                    "channels.webchat.Visitors.findByTokenHash",
                    "the visitor's credential: a random token, unique across the instance"),
            Map.entry(
                    "channels.webchat.Visitors.findByIdAndConnectionId",
                    "agent replies to a visitor; a connection belongs to one workspace"),
            Map.entry(
                    "channels.webchat.Visitors.findByTokenHashAndConnectionId",
                    "the visitor's credential (a random token, unique across the instance) on one widget"));

    /** Inherited lookups on workspace-owned repositories; key: caller and repository method. */
    static final Map<String, String> INHERITED_LOOKUPS = Map.ofEntries(
            Map.entry(
                    "inbox.WorkingConversations.list -> Conversations.findAll",
                    "the specification's first condition is the member's workspace"),
            Map.entry(
                    "inbox.ConversationFacts.inboundMessage -> Messages.findById",
                    "the message of a MessageReceived event, from the persistence context; its workspace is then"
                            + " checked on the entity"),
            Map.entry(
                    "inbox.ConversationFacts.conversation -> Conversations.findById",
                    "the conversation of an event, from the persistence context; its workspace is then checked on"
                            + " the entity"));

    /** Classes whose SQL on workspace-owned tables does not filter by workspace. */
    static final Map<String, String> SQL_WITHOUT_WORKSPACE = Map.of(
            "channels.InboundQueue",
            "the inbound queue of the instance: its lane workers and the operator's pipeline page work"
                    + " across workspaces by design; no request of a workspace member reaches it");

    /** Inherited repository methods that write an entity the caller holds, not look one up. */
    static final Set<String> WRITES = Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush", "flush", "delete");

    @Test
    void everyRepositoryMethodOnAWorkspaceOwnedTableTakesTheWorkspace() {
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Class<?> repository : workspaceOwnedRepositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                if (method.isSynthetic()) {
                    continue;
                }
                String key = name(repository) + "." + method.getName();
                seen.add(key);
                assertThat(method.getParameters())
                        .as("parameter names of %s (compile with -parameters)", key)
                        .allMatch(Parameter::isNamePresent);
                boolean takesWorkspace = Arrays.stream(method.getParameters())
                        .anyMatch(p -> p.getName().equals("workspaceId"));
                if (takesWorkspace && METHODS_WITHOUT_WORKSPACE.containsKey(key)) {
                    missing.add(key + " takes the workspace now: remove it from METHODS_WITHOUT_WORKSPACE");
                } else if (!takesWorkspace && !METHODS_WITHOUT_WORKSPACE.containsKey(key)) {
                    missing.add(key + " takes no workspaceId: add the workspace condition (and change its callers),"
                            + " or, if it is safe without, add it to METHODS_WITHOUT_WORKSPACE with the reason");
                }
            }
        }
        METHODS_WITHOUT_WORKSPACE.keySet().stream()
                .filter(key -> !seen.contains(key))
                .forEach(key -> missing.add(key + " no longer exists: remove it from METHODS_WITHOUT_WORKSPACE"));

        assertThat(seen).hasSizeGreaterThan(30);
        assertThat(missing).as("repository methods on workspace-owned tables").isEmpty();
    }

    @Test
    void inheritedLookupsOnWorkspaceOwnedRepositoriesAreOnlyTheAllowedOnes() {
        Set<String> repositories =
                workspaceOwnedRepositories().stream().map(Class::getName).collect(Collectors.toSet());
        Set<String> calls = new TreeSet<>();
        for (JavaClass caller : CLASSES) {
            for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                String method = call.getName();
                if (repositories.contains(owner.getName())
                        && !WRITES.contains(method)
                        && owner.getMethods().stream()
                                .noneMatch(m -> m.getName().equals(method)
                                        && m.getOwner().equals(owner))) {
                    calls.add(callerName(call) + " -> " + owner.getSimpleName() + "." + method);
                }
            }
        }

        assertThat(calls)
                .as("inherited lookups (findById, findAll...) on workspace-owned repositories: use a method that"
                        + " takes the workspace, or add the call to INHERITED_LOOKUPS with the reason it is safe")
                .isEqualTo(new TreeSet<>(INHERITED_LOOKUPS.keySet()));
    }

    @Test
    void sqlOnWorkspaceOwnedTablesFiltersByTheWorkspace() {
        Set<String> tables = workspaceOwnedTables();
        Pattern statement = Pattern.compile("\\b(select|update|delete)\\b", Pattern.CASE_INSENSITIVE);
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        Set<String> unfiltered = new TreeSet<>();
        Set<String> sqlClasses = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            boolean usesJdbc = type.getDirectDependenciesFromSelf().stream()
                    .map(d -> d.getTargetClass().getName())
                    .anyMatch(name -> name.equals(JdbcClient.class.getName())
                            || name.equals(JdbcOperations.class.getName())
                            || name.equals(NamedParameterJdbcOperations.class.getName())
                            || name.startsWith("org.springframework.jdbc.core.JdbcTemplate"));
            if (!usesJdbc || type.getName().contains("$")) {
                continue;
            }
            sqlClasses.add(name(type.reflect()));
            Matcher strings = literal.matcher(source(type));
            while (strings.find()) {
                String sql = (strings.group(1) != null ? strings.group(1) : strings.group(2)).toLowerCase(Locale.ROOT);
                boolean onOwnedTable = tables.stream()
                        .anyMatch(t ->
                                Pattern.compile("\\b" + t + "\\b").matcher(sql).find());
                boolean filtered = Pattern.compile("\\bworkspace_id\\s*(=|in\\b)")
                        .matcher(sql)
                        .find();
                if (statement.matcher(sql).find() && onOwnedTable && !filtered) {
                    unfiltered.add(name(type.reflect()));
                }
            }
        }

        assertThat(sqlClasses).as("classes running SQL").isNotEmpty();
        assertThat(tables).contains("conversations", "messages", "inbound_queue");
        assertThat(unfiltered)
                .as("classes with SQL on a workspace-owned table without 'workspace_id =': add the condition, or"
                        + " add the class to SQL_WITHOUT_WORKSPACE with the reason")
                .isEqualTo(SQL_WITHOUT_WORKSPACE.keySet());
    }

    /** Spring Data repositories of entities with a workspaceId. */
    static List<Class<?>> workspaceOwnedRepositories() {
        return CLASSES.stream()
                .filter(c -> c.isInterface() && c.isAssignableTo(Repository.class))
                .map(JavaClass::reflect)
                .filter(repository -> {
                    Class<?> entity = ResolvableType.forClass(repository)
                            .as(Repository.class)
                            .resolveGeneric(0);
                    return entity != null && hasWorkspaceId(entity);
                })
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    /** Tables the migrations give a workspace_id column. */
    static Set<String> workspaceOwnedTables() {
        Pattern table = Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
        Pattern added = Pattern.compile("alter table (\\w+) add column workspace_id\\b");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MigrationHistoryTest.MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                String sql = read(f).toLowerCase(Locale.ROOT);
                Matcher created = table.matcher(sql);
                while (created.find()) {
                    if (Pattern.compile("\\bworkspace_id\\b")
                            .matcher(created.group(2))
                            .find()) {
                        tables.add(created.group(1));
                    }
                }
                Matcher altered = added.matcher(sql);
                while (altered.find()) {
                    tables.add(altered.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static boolean hasWorkspaceId(Class<?> entity) {
        for (Class<?> type = entity; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals("workspaceId")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The calling method; a lambda counts as the method it is written in. */
    private static String callerName(JavaMethodCall call) {
        String method = call.getOrigin().getName().replaceAll("^lambda\\$(.*)\\$\\d+$", "$1");
        return name(call.getOriginOwner().reflect()).replaceAll("\\$.*", "") + "." + method;
    }

    private static String name(Class<?> type) {
        return type.getName().substring("com.atalaya.".length());
    }

    private static String source(JavaClass type) {
        return read(Path.of("src/main/java", type.getName().replace('.', '/') + ".java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
