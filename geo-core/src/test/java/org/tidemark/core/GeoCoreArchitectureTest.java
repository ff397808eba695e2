package org.tidemark.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules of geo-core (shared/design/ARCHITECTURE.md "Dependency direction"): a pure core with
 * no Spring, no JDBC and no web types, only JTS, Apache SIS, slf4j and the JDK; and no cycles between its
 * packages, so each can be understood and tested on its own.
 */
@AnalyzeClasses(packages = "org.tidemark.core", importOptions = ImportOption.DoNotIncludeTests.class)
class GeoCoreArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("geo-core is pure Java; feature modules bring Spring");

    @ArchTest
    static final ArchRule noJdbc = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage is reached only through the ports; JDBC lives in the data module");

    @ArchTest
    static final ArchRule noWeb = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "javax.servlet..", "tools.jackson..", "com.fasterxml.jackson..")
            .because("HTTP and JSON frameworks belong to the protocol modules");

    @ArchTest
    static final ArchRule noOtherTidemarkModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.tidemark.data..", "org.tidemark.layers..", "org.tidemark.tiles..",
                    "org.tidemark.sensors..", "org.tidemark.web..", "org.tidemark.app..")
            .because("geo-core is the bottom of the module graph");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.tidemark.core.(**)").should().beFreeOfCycles();
}
