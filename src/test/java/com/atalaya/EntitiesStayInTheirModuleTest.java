package com.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.entityrulefixture.FixtureEntity;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's JPA entities stay in the module: what another module needs of them, the module's API
 * hands out as an immutable record ({@code WorkspaceView}, {@code ConversationView}...). So a
 * module can change its mappings without touching another, and no other module can change a
 * managed entity behind its owner's back. A class outside module X (another module, or the
 * application's root package) may not use an {@code @Entity} or {@code @Embeddable} class of X:
 * not by naming it (a field, a parameter, a call on it) and not by calling a member of another
 * module whose signature carries it (a return type such as {@code Optional<Workspace>}, a record
 * with an entity component), as a controller does that hands the result to a template.
 */
class EntitiesStayInTheirModuleTest {

    static final String ROOT = "com.atalaya";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Uses that cannot change now; key: the using class and the entity it reaches (below
     * com.atalaya, {@code "notify.Notifying -> identity.Workspace"}), value: the reason.
     */
    static final Map<String, String> ALLOWED = Map.of();

    @Test
    void noModuleUsesAnotherModulesEntities() {
        Map<String, String> uses = crossModuleEntityUses(CLASSES, ROOT, EntitiesStayInTheirModuleTest::isJpaType);
        ALLOWED.keySet().forEach(uses::remove);
        assertThat(uses)
                .as("uses of another module's JPA entities; let the owner's API return a record instead"
                        + " (only if that truly cannot be done now: ALLOWED, with the reason)")
                .isEmpty();
    }

    @Test
    void everyAllowanceIsStillNeeded() {
        assertThat(crossModuleEntityUses(CLASSES, ROOT, EntitiesStayInTheirModuleTest::isJpaType)
                        .keySet())
                .as("ALLOWED entries no longer used; remove them")
                .containsAll(ALLOWED.keySet());
    }

    @Test
    void theRuleSeesEntitiesNamedReturnedAndCarriedByRecords() {
        String fixtures = ROOT + ".entityrulefixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixtures);

        Map<String, String> uses =
                crossModuleEntityUses(classes, fixtures, type -> type.isAnnotatedWith(FixtureEntity.class));

        assertThat(uses).containsOnlyKeys("user.NamesAThing -> owner.Thing", "user.PassesThingsOn -> owner.Thing");
        assertThat(uses.get("user.PassesThingsOn -> owner.Thing"))
                .contains("Things.find()", "Things.holders()", "Things.describe(")
                .doesNotContain("Things.view()");
        assertThat(uses.get("user.NamesAThing -> owner.Thing")).contains("has parameter of type");
    }

    static boolean isJpaType(JavaClass type) {
        return type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class);
    }

    /**
     * Each class's uses of entities of other modules below {@code root}; key: {@code "user ->
     * entity"} (names below root, nested classes by their top-level class), value: how.
     */
    static Map<String, String> crossModuleEntityUses(JavaClasses classes, String root, Predicate<JavaClass> isEntity) {
        Map<String, String> uses = new TreeMap<>();
        for (JavaClass origin : classes) {
            Optional<String> module = module(origin, root);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (otherModule(target, module, root)) {
                    for (JavaClass entity : carriedEntities(target, isEntity, new HashSet<>())) {
                        note(uses, origin, entity, module, root, dependency.getDescription());
                    }
                }
            }
            for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                if (otherModule(access.getTargetOwner(), module, root)) {
                    access.getTarget().resolveMember().stream()
                            .flatMap(EntitiesStayInTheirModuleTest::signature)
                            .flatMap(type -> carriedEntities(type, isEntity, new HashSet<>()).stream())
                            .forEach(entity -> note(
                                    uses,
                                    origin,
                                    entity,
                                    module,
                                    root,
                                    access.getDescription() + ", whose signature carries " + entity.getSimpleName()));
                }
            }
        }
        return uses;
    }

    private static void note(
            Map<String, String> uses,
            JavaClass origin,
            JavaClass entity,
            Optional<String> originModule,
            String root,
            String how) {
        if (!module(entity, root).equals(originModule)) {
            uses.merge(relative(top(origin), root) + " -> " + relative(entity, root), how, (a, b) -> a + "\n" + b);
        }
    }

    /** The raw types of a member's signature, type arguments included. */
    private static Stream<JavaClass> signature(JavaMember member) {
        Stream<JavaType> types = switch (member) {
            case JavaCodeUnit codeUnit ->
                Stream.concat(Stream.of(codeUnit.getReturnType()), codeUnit.getParameterTypes().stream());
            case JavaField field -> Stream.of(field.getType());
            default -> Stream.empty();
        };
        return types.flatMap(type -> type.getAllInvolvedRawTypes().stream());
    }

    /** The type itself if it is an entity; for a record, the entities its components carry. */
    private static Set<JavaClass> carriedEntities(JavaClass type, Predicate<JavaClass> isEntity, Set<JavaClass> seen) {
        JavaClass base = type.getBaseComponentType();
        if (!seen.add(base)) {
            return Set.of();
        }
        if (isEntity.test(base)) {
            return Set.of(base);
        }
        Set<JavaClass> carried = new HashSet<>();
        if (base.isRecord()) {
            for (JavaField component : base.getFields()) {
                if (!component.getModifiers().contains(JavaModifier.STATIC)) {
                    for (JavaClass type2 : component.getType().getAllInvolvedRawTypes()) {
                        carried.addAll(carriedEntities(type2, isEntity, seen));
                    }
                }
            }
        }
        return carried;
    }

    private static boolean otherModule(JavaClass type, Optional<String> originModule, String root) {
        Optional<String> module = module(type.getBaseComponentType(), root);
        return module.isPresent() && !module.equals(originModule);
    }

    /** The module of a class: its first package below root; none for root itself and outside it. */
    static Optional<String> module(JavaClass type, String root) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static JavaClass top(JavaClass type) {
        JavaClass top = type;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static String relative(JavaClass type, String root) {
        return type.getName().startsWith(root + ".") ? type.getName().substring(root.length() + 1) : type.getName();
    }
}
