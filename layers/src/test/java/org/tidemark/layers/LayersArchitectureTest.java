package org.tidemark.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules of ARCHITECTURE.md for the {@code layers} module. */
class LayersArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tidemark.layers");

    @Test
    void protocolPackagesNeverUseJdbc() {
        noClasses().that().resideInAnyPackage("..layers.wfs..", "..layers.wms..", "..layers.ogcapi..", "..layers.ows..",
                        "..layers.fes..", "..layers.gml..", "..layers.geojson..", "..layers.web..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void layersNeverDependsOnOtherFeatureModulesOrData() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.tidemark.data..", "org.tidemark.tiles..",
                        "org.tidemark.sensors..", "org.tidemark.app..")
                .check(CLASSES);
    }

    @Test
    void parsersAndWritersDoNotDependOnServletsOrSpring() {
        noClasses().that().resideInAnyPackage("..layers.fes..", "..layers.gml..", "..layers.geojson..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework..")
                .check(CLASSES);
    }
}
