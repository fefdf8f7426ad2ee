package com.atalaya.triage.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The triage engine is plain Java, so the evaluation command and the benchmarks run it without a
 * Spring context and it can move out of the application unchanged. Its package-info is left out:
 * it only carries the Spring Modulith named-interface declaration.
 */
class EngineIsPlainJavaTest {

    static final String ENGINE = "com.atalaya.triage.engine";

    static final JavaClasses ENGINE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENGINE)
            .that(DescribedPredicate.not(JavaClass.Predicates.simpleName("package-info")));

    @Test
    void engineUsesNoSpringAndNoPersistence() {
        noClasses()
                .that()
                .resideInAPackage(ENGINE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "org.hibernate..")
                .because("the triage engine runs without Spring (evaluation command, benchmarks)")
                .check(ENGINE_CLASSES);
    }

    @Test
    void engineUsesNoOtherPartOfTheApplication() {
        noClasses()
                .that()
                .resideInAPackage(ENGINE + "..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.atalaya..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ENGINE + ".."))))
                .because("the rest of triage uses the engine, never the other way round")
                .check(ENGINE_CLASSES);
    }
}
