package org.tidemark.tiles;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's dependency rules (ARCHITECTURE.md "Dependency direction"). */
@AnalyzeClasses(packages = "org.tidemark.tiles", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule noJdbc = noClasses().should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("tile-server reaches storage only through the geo-core ports");

    @ArchTest
    static final ArchRule noOtherFeatureModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.tidemark.data..", "org.tidemark.layers..", "org.tidemark.sensors..", "org.tidemark.app..")
            .because("feature modules never depend on data nor on each other");

    @ArchTest
    static final ArchRule noConfigurationProperties = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.boot.context.properties.ConfigurationProperties")
            .because("settings are bound in the app only");

    @ArchTest
    static final ArchRule coreFree = noClasses().that().resideInAnyPackage("org.tidemark.tiles.terrain..", "org.tidemark.tiles.cache..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
            .because("only controllers and the web helpers see servlet types");
}
