package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.channels.ChannelAdapter;
import com.atalaya.channels.ChannelDescriptor;
import com.atalaya.channels.ChannelRegistry;
import com.atalaya.channels.IdentityKind;
import com.atalaya.identity.Role;
import com.atalaya.inbox.ConversationStatus;
import com.atalaya.inbox.DeliveryStatus;
import com.atalaya.inbox.Priority;
import com.atalaya.notify.NotificationKind;
import com.atalaya.service.PresenceStatus;
import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.SentimentLabel;
import com.atalaya.triage.engine.TrollVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message key used in a Thymeleaf template or in code is in the Spanish (default) and in
 * the English bundle, and both bundles of each basename have the same keys. Keys are found
 * statically: {@code #{key}}, {@code #{|prefix.${value}|}}, {@code #messages.msg('key')} in
 * templates; string literals shaped like a key in one of the bundles' namespaces, and the first
 * argument of {@code getMessage}, {@code Reason.of}, {@code ToneIssue.of} and the key of
 * {@code InvalidInputException} in code. A key with a computed part is expanded from the values it
 * can take ({@link #dynamicKeys()}); {@code #messages.msgOrNull} lookups are optional by design
 * and not checked. Runs in the application context for the channels' real descriptors.
 */
class MessageKeysTest extends IntegrationTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    static final Pattern KEY_SITE =
            Pattern.compile("(?:getMessage|Reason\\.of|ToneIssue\\.of)\\(\\s*\"([^\"]+)\"(?!\\s*\\+)"
                    + "|new InvalidInputException\\(\\s*(?:null|\"[^\"]*\"|[\\w.]+)\\s*,\\s*\"([^\"]+)\"(?!\\s*\\+)");
    static final Pattern STATIC_KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    static final Pattern COMPUTED_KEY_IN_CODE = Pattern.compile("\"([a-z][a-zA-Z0-9_.-]*\\.)\"\\s*\\+");
    /** Prefixes of computed strings in code that are no message keys (JavaMail session properties). */
    static final Set<String> NOT_MESSAGE_PREFIXES = Set.of("mail.");

    @Autowired
    Environment environment;

    @Autowired
    ChannelRegistry channels;

    Map<String, Properties> spanish;
    Map<String, Properties> english;

    @BeforeEach
    void loadBundles() {
        spanish = new TreeMap<>();
        english = new TreeMap<>();
        for (String basename : basenames()) {
            spanish.put(basename, load(basename + ".properties"));
            english.put(basename, load(basename + "_en.properties"));
        }
    }

    @Test
    void spanishAndEnglishBundlesHaveTheSameKeys() {
        for (String basename : basenames()) {
            Set<String> es = spanish.get(basename).stringPropertyNames();
            Set<String> en = english.get(basename).stringPropertyNames();
            assertThat(difference(es, en))
                    .as("keys of %s.properties missing in %s_en.properties", basename, basename)
                    .isEmpty();
            assertThat(difference(en, es))
                    .as("keys of %s_en.properties missing in %s.properties", basename, basename)
                    .isEmpty();
        }
    }

    @Test
    void noMessageIsBlank() {
        Stream.of(spanish, english)
                .flatMap(bundles -> bundles.entrySet().stream())
                .forEach(bundle -> assertThat(bundle.getValue().stringPropertyNames())
                        .as("blank messages in %s", bundle.getKey())
                        .allSatisfy(key ->
                                assertThat(bundle.getValue().getProperty(key)).isNotBlank()));
    }

    @Test
    void everyKeyUsedInATemplateIsInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        Map<String, Supplier<Set<String>>> dynamic = dynamicKeys();
        Set<String> unknownShapes = new TreeSet<>();
        forEachFile(TEMPLATES, ".html", (file, text) -> {
            for (String used : templateKeys(text)) {
                if (STATIC_KEY.matcher(used).matches()) {
                    keys.add(used);
                } else if (dynamic.containsKey(used)) {
                    keys.addAll(dynamic.get(used).get());
                } else {
                    unknownShapes.add(used + " in " + file);
                }
            }
        });

        assertThat(unknownShapes)
                .as("computed keys whose values this test does not know: add them to dynamicKeys() (a ${...}"
                        + " in a key outside |...| is not evaluated: write #{|prefix.${value}|})")
                .isEmpty();
        assertThat(keys).hasSizeGreaterThan(300);
        assertInBothLanguages(keys);
    }

    @Test
    void everyKeyUsedInCodeIsInBothLanguages() {
        Set<String> namespaces = spanish.values().stream()
                .flatMap(p -> p.stringPropertyNames().stream())
                .map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        Set<String> unknownPrefixes = new TreeSet<>();
        Map<String, Supplier<Set<String>>> dynamic = dynamicKeys();
        forEachFile(SOURCES, ".java", (file, text) -> {
            Set<String> auditActions = auditActions(text);
            Matcher literal = KEY_LITERAL.matcher(text);
            while (literal.find()) {
                String key = literal.group(1);
                if (namespaces.contains(key.substring(0, key.indexOf('.'))) && !auditActions.contains(key)) {
                    keys.add(key);
                }
            }
            Matcher site = KEY_SITE.matcher(text);
            while (site.find()) {
                keys.add(site.group(1) != null ? site.group(1) : site.group(2));
            }
            Matcher computed = COMPUTED_KEY_IN_CODE.matcher(text);
            while (computed.find()) {
                String shape = computed.group(1) + "*";
                if (dynamic.containsKey(shape)) {
                    keys.addAll(dynamic.get(shape).get());
                } else if (!NOT_MESSAGE_PREFIXES.contains(computed.group(1))) {
                    unknownPrefixes.add(shape + " in " + file);
                }
            }
        });

        assertThat(unknownPrefixes)
                .as("computed keys whose values this test does not know: add them to dynamicKeys()")
                .isEmpty();
        assertThat(keys).hasSizeGreaterThan(100);
        assertInBothLanguages(keys);
    }

    @Test
    void templateKeysAreFoundInEveryNotation() {
        String template = "<p th:text=\"#{nav.inbox}\"></p><p th:text=\"#{common.pageOf(${n}, ${m})}\"></p>"
                + "<p th:text=\"#{|status.${c.status}|}\"></p><p th:text=\"#{intent.__${s.intent().code()}__}\"></p>"
                + "<p th:text=\"#{${errors['name']}(${max})}\"></p><p th:text=\"${#messages.msg('form.title', w.name)}\"></p>"
                + "<p th:text=\"${#messages.msg('sentiment.' + t.sentiment().code())}\"></p>"
                + "<p th:text=\"${#messages.msgOrNull('channel.choice.' + o)}\"></p>"
                + "<p th:text=\"|#{identity.${i.kind}}: ${i.address}|\"></p>";

        assertThat(templateKeys(template))
                .containsExactlyInAnyOrder(
                        "nav.inbox",
                        "common.pageOf",
                        "status.*",
                        "intent.*",
                        "${errors[*]}",
                        "form.title",
                        "sentiment.*",
                        "identity.${i.kind}");
    }

    /**
     * The keys a computed key can stand for, by its shape ({@code *} for each computed part).
     * Whole expressions ({@code ${errors[*]}}, {@code i.key()}) hold keys set in code, which
     * {@link #everyKeyUsedInCodeIsInBothLanguages()} checks.
     */
    Map<String, Supplier<Set<String>>> dynamicKeys() {
        Supplier<Stream<ChannelDescriptor>> descriptors =
                () -> channels.adapters().stream().map(ChannelAdapter::descriptor);
        Supplier<Set<String>> intents = () -> prefixed("intent.", Arrays.stream(Intent.values()), Intent::code);
        Supplier<Set<String>> sentiments =
                () -> prefixed("sentiment.", Arrays.stream(SentimentLabel.values()), SentimentLabel::code);
        Supplier<Set<String>> notificationKinds =
                () -> prefixed("notify.", Arrays.stream(NotificationKind.values()), Enum::name);
        return Map.ofEntries(
                Map.entry("channel.*.name", () -> prefixed("channel.", descriptors.get(), d -> d.type() + ".name")),
                Map.entry(
                        "channel.*.description",
                        () -> prefixed("channel.", descriptors.get(), d -> d.type() + ".description")),
                Map.entry(
                        "channel.*.field.*",
                        () -> descriptors
                                .get()
                                .flatMap(d ->
                                        d.settings().stream().map(f -> "channel." + d.type() + ".field." + f.name()))
                                .collect(Collectors.toCollection(TreeSet::new))),
                Map.entry(
                        "status.*", () -> prefixed("status.", Arrays.stream(ConversationStatus.values()), Enum::name)),
                Map.entry("priority.*", () -> prefixed("priority.", Arrays.stream(Priority.values()), Enum::name)),
                Map.entry(
                        "delivery.*", () -> prefixed("delivery.", Arrays.stream(DeliveryStatus.values()), Enum::name)),
                Map.entry(
                        "presence.*", () -> prefixed("presence.", Arrays.stream(PresenceStatus.values()), Enum::name)),
                Map.entry("role.*", () -> prefixed("role.", Arrays.stream(Role.values()), Enum::name)),
                Map.entry("identity.*", () -> prefixed("identity.", Arrays.stream(IdentityKind.values()), Enum::name)),
                Map.entry(
                        "notify.kind.*",
                        () -> prefixed("notify.kind.", Arrays.stream(NotificationKind.values()), Enum::name)),
                Map.entry("notify.*", notificationKinds),
                Map.entry(
                        "verdict.*",
                        () -> prefixed("verdict.", Arrays.stream(TrollVerdict.values()), TrollVerdict::code)),
                Map.entry("intent.*", intents),
                Map.entry("sentiment.*", sentiments),
                // triage/labels.html: kind is 'sentiment' or 'intent', l one of that kind's labels.
                Map.entry("triage.*", () -> Set.of("triage.sentiment", "triage.intent")),
                // TriageEngine.IntentDecision.decidedBy is "model" or "rules".
                Map.entry("triage.decidedBy.*", () -> Set.of("triage.decidedBy.model", "triage.decidedBy.rules")),
                Map.entry("*.*", () -> union(sentiments.get(), intents.get())),
                Map.entry("input.type.*", () -> prefixed("input.type.", inputTypeNames().stream(), t -> t)),
                Map.entry("${errors[*]}", Set::of),
                Map.entry("i.key()", Set::of));
    }

    /** The type names InputProblem puts into "input.type.<name>" (the literals its typeName returns). */
    static Set<String> inputTypeNames() {
        String source = read(SOURCES.resolve("com/atalaya/web/InputProblem.java"));
        int start = source.indexOf("private static String typeName(");
        String method = source.substring(start, source.indexOf("\n    }\n", start));
        Set<String> names = new TreeSet<>();
        Matcher returned = Pattern.compile("return \"([a-z]+)\";").matcher(method);
        while (returned.find()) {
            names.add(returned.group(1));
        }
        assertThat(names).as("type names returned by InputProblem.typeName").contains("text", "number");
        return names;
    }

    /** Keys used in a template; a computed part is '*', a whole computed key its expression. */
    static List<String> templateKeys(String template) {
        List<String> keys = new ArrayList<>();
        int at = 0;
        while ((at = template.indexOf("#{", at)) >= 0) {
            int end = closing(template, at + 1);
            String content = template.substring(at + 2, end).strip().replaceAll("__\\$\\{[^}]*}__", "*");
            if (content.startsWith("|")) {
                keys.add(withoutExpressions(content.substring(1, content.lastIndexOf('|'))));
            } else if (content.startsWith("${")) {
                String expression = content.substring(0, closing(content, 1) + 1);
                keys.add(expression.replaceAll("\\['[^']*'\\]", "[*]"));
            } else {
                Matcher key = Pattern.compile("^[^\\s(]+").matcher(content);
                if (key.find()) {
                    keys.add(key.group());
                }
            }
            at = end;
        }
        Matcher lookup = Pattern.compile("#messages\\.(msg|msgWithParams)\\(").matcher(template);
        while (lookup.find()) {
            keys.add(concatenationShape(firstArgument(template, lookup.end())));
        }
        return keys;
    }

    private static String withoutExpressions(String text) {
        StringBuilder shape = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("${", i)) {
                i = closing(text, i + 1) + 1;
                shape.append('*');
            } else {
                shape.append(text.charAt(i++));
            }
        }
        return shape.toString();
    }

    /** 'a.' + x + '.b' is "a.*.b"; an expression alone is itself. */
    private static String concatenationShape(String argument) {
        String[] parts = argument.split("\\s*\\+\\s*");
        if (parts.length == 1 && !argument.startsWith("'")) {
            return argument;
        }
        return Arrays.stream(parts)
                .map(part -> part.startsWith("'") && part.endsWith("'") ? part.substring(1, part.length() - 1) : "*")
                .collect(Collectors.joining());
    }

    private static String firstArgument(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ',') && depth == 0) {
                return text.substring(from, i).strip();
            } else if (!quoted && (c == ')' || c == '}')) {
                depth--;
            }
        }
        throw new IllegalArgumentException("unclosed call at " + from);
    }

    /** The index of the '}' closing the '{' at {@code open}. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '{' at " + open);
    }

    /** Dotted literals in audit.record(...) calls: audit action names, shown as they are. */
    private static Set<String> auditActions(String source) {
        Set<String> actions = new TreeSet<>();
        int at = 0;
        while ((at = source.indexOf("audit.record(", at)) >= 0) {
            int end = source.indexOf(");", at);
            Matcher literal = KEY_LITERAL.matcher(source.substring(at, end));
            while (literal.find()) {
                actions.add(literal.group(1));
            }
            at = end;
        }
        return actions;
    }

    private void assertInBothLanguages(Set<String> keys) {
        Set<String> es = keysOf(spanish);
        Set<String> en = keysOf(english);
        assertThat(difference(keys, es))
                .as("keys used but missing in the Spanish bundles")
                .isEmpty();
        assertThat(difference(keys, en))
                .as("keys used but missing in the English bundles")
                .isEmpty();
    }

    private List<String> basenames() {
        String basenames = environment.getRequiredProperty("spring.messages.basename");
        return Arrays.stream(basenames.split(",")).map(String::strip).toList();
    }

    private static Set<String> keysOf(Map<String, Properties> bundles) {
        return bundles.values().stream()
                .flatMap(p -> p.stringPropertyNames().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> missing = new TreeSet<>(a);
        missing.removeAll(b);
        return missing;
    }

    private static <T> Set<String> prefixed(String prefix, Stream<T> values, Function<T, String> suffix) {
        return values.map(v -> prefix + suffix.apply(v)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Properties load(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        assertThat(resource.exists()).as("bundle %s", path).isTrue();
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void forEachFile(Path root, String suffix, java.util.function.BiConsumer<Path, String> action) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(suffix)).sorted().forEach(f -> action.accept(f, read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
