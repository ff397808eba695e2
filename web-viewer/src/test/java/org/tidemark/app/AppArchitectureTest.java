package org.tidemark.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, checked over the whole product (all modules are on this
 * module's classpath): feature modules never depend on {@code data} or on each other, nothing depends on
 * the app, and protocol packages never touch JDBC.
 */
class AppArchitectureTest {
    static final JavaClasses ALL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tidemark");

    @Test
    void featureModulesAreIndependentOfStorageAndOfEachOther() {
        noClasses().that().resideInAPackage("org.tidemark.layers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tidemark.data..", "org.tidemark.tiles..", "org.tidemark.sensors..", "org.tidemark.app..")
                .check(ALL);
        noClasses().that().resideInAPackage("org.tidemark.tiles..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tidemark.data..", "org.tidemark.layers..", "org.tidemark.sensors..", "org.tidemark.app..")
                .check(ALL);
        noClasses().that().resideInAPackage("org.tidemark.sensors..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tidemark.data..", "org.tidemark.layers..", "org.tidemark.tiles..", "org.tidemark.app..")
                .check(ALL);
        noClasses().that().resideInAnyPackage("org.tidemark.core..", "org.tidemark.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tidemark.layers..", "org.tidemark.tiles..", "org.tidemark.sensors..", "org.tidemark.app..")
                .check(ALL);
    }

    @Test
    void featureModulesNeverImportJdbc() {
        noClasses().that().resideInAnyPackage("org.tidemark.layers..", "org.tidemark.tiles..", "org.tidemark.sensors..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(ALL);
    }

    @Test
    void appPackagesHaveNoCycles() {
        slices().matching("org.tidemark.app.(*)..").should().beFreeOfCycles().check(ALL);
    }
}
