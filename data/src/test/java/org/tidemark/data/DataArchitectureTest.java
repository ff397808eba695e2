package org.tidemark.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the {@code data} module (ARCHITECTURE.md "Dependency direction"): adapters
 * reach the rest of the system only through geo-core's ports, never through web code or a feature module.
 */
@AnalyzeClasses(packages = "org.tidemark.data", importOptions = ImportOption.DoNotIncludeTests.class)
class DataArchitectureTest {

    @ArchTest
    static final ArchRule noWebCode = noClasses().that().resideInAPackage("org.tidemark.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .because("data is a storage adapter; HTTP lives in the feature modules and the app");

    @ArchTest
    static final ArchRule noFeatureModules = noClasses().that().resideInAPackage("org.tidemark.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.tidemark.layers..", "org.tidemark.tiles..", "org.tidemark.tile..",
                    "org.tidemark.sensors..", "org.tidemark.sensor..", "org.tidemark.app..")
            .because("feature modules depend on geo-core ports, and data implements them; never the other way");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.tidemark.data.(*)..").should().beFreeOfCycles();
}
