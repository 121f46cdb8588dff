package org.optlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the compute core free of the web and of every framework (style §1). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.optlab");
    }

    @Test
    void computeUsesNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("org.optlab.compute..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "jakarta..",
                        "javax..",
                        "io.swagger..",
                        "org.springdoc..",
                        "org.slf4j..")
                .because("compute/ is the framework-free core that every endpoint shares")
                .check(classes);
    }

    @Test
    void computeDoesNotKnowTheWebOrConfiguration() {
        noClasses()
                .that()
                .resideInAPackage("org.optlab.compute..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.optlab.api..", "org.optlab.config..")
                .check(classes);
    }
}
