package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure is the documented one: each module declares the modules it may use, uses
 * exactly those, only through their APIs and without cycles, and {@code docs/architecture.md}
 * lists the same dependencies.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AtalayaApplication.class);
    static final Path DOCS_OUTPUT = Path.of("target/spring-modulith-docs");

    @Test
    void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        assertThat(MODULES.stream())
                .allSatisfy(module -> assertThat(
                                declaredDependencies(module.getBasePackage().getName()))
                        .as("allowedDependencies of module %s (its package-info.java)", module.getIdentifier())
                        .isNotNull()
                        .doesNotContain(ApplicationModule.OPEN_TOKEN));
    }

    @Test
    void everyAllowedDependencyIsUsedSoTheDeclarationsStayTrue() {
        assertThat(actualDependencies())
                .as("modules each module uses; change allowedDependencies in its package-info.java to match")
                .isEqualTo(allowedDependencies());
    }

    @Test
    void architectureDocumentListsEachModulesDependencies() throws IOException {
        assertThat(documentedDependencies())
                .as("the 'Depends on' column of docs/architecture.md")
                .isEqualTo(actualDependencies());
    }

    @Test
    void writesModuleDocumentationIntoTarget() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS_OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(DOCS_OUTPUT.resolve("components.puml")).isRegularFile();
        assertThat(MODULES.stream())
                .allSatisfy(module -> assertThat(DOCS_OUTPUT.resolve("module-" + module.getIdentifier() + ".adoc"))
                        .isRegularFile());
    }

    static Map<String, Set<String>> actualDependencies() {
        return MODULES.stream()
                .collect(Collectors.toMap(
                        module -> module.getIdentifier().toString(),
                        module -> module.getDirectDependencies(MODULES)
                                .uniqueModules()
                                .map(target -> target.getIdentifier().toString())
                                .collect(Collectors.toCollection(TreeSet::new)),
                        (a, b) -> a,
                        TreeMap::new));
    }

    /** The module names in each module's allowedDependencies ("triage :: engine" counts as triage). */
    static Map<String, Set<String>> allowedDependencies() {
        return MODULES.stream()
                .collect(Collectors.toMap(
                        module -> module.getIdentifier().toString(),
                        module -> Arrays.stream(declaredDependencies(
                                        module.getBasePackage().getName()))
                                .map(name -> name.split("::")[0].strip())
                                .collect(Collectors.toCollection(TreeSet::new)),
                        (a, b) -> a,
                        TreeMap::new));
    }

    static String[] declaredDependencies(String modulePackage) {
        try {
            ApplicationModule annotation =
                    Class.forName(modulePackage + ".package-info").getAnnotation(ApplicationModule.class);
            return annotation == null ? null : annotation.allowedDependencies();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Rows of the module table: | `module` | owns | dependency, dependency (or —) |. */
    static Map<String, Set<String>> documentedDependencies() throws IOException {
        Pattern row = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|$");
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher matcher = row.matcher(line.strip());
            if (matcher.matches()) {
                Set<String> dependencies = Arrays.stream(matcher.group(2).split(","))
                        .map(String::strip)
                        .map(name -> name.replace("`", ""))
                        .filter(name -> !name.isEmpty() && !name.equals("—"))
                        .collect(Collectors.toCollection(TreeSet::new));
                documented.put(matcher.group(1), dependencies);
            }
        }
        return documented;
    }
}
