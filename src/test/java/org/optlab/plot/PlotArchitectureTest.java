package org.optlab.plot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plots are drawn from plain records: no web, no configuration, no framework in here. */
class PlotArchitectureTest {

    @Test
    void plotsKnowNeitherTheWebNorAnyFramework() {
        noClasses()
                .that()
                .resideInAPackage("org.optlab.plot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.optlab.api..",
                        "org.optlab.config..",
                        "org.springframework..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "jakarta..",
                        "io.swagger..")
                .because("api/ turns requests into plain records; plot/ only draws them")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.optlab"));
    }
}
