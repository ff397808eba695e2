package org.tidemark.sensors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md for sensor-overlay: storage only through the geo-core ports (no
 * {@code java.sql}, no {@code data} module), no dependency on the other feature modules, and the
 * protocol decoders free of Spring.
 */
class SensorArchitectureTest {
    private static final JavaClasses SENSORS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tidemark.sensors");

    @Test
    void noJdbcInSensorPackages() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(SENSORS);
    }

    @Test
    void noDependencyOnDataLayersOrTileServer() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.tidemark.data..", "org.tidemark.layers..", "org.tidemark.tiles..",
                        "org.tidemark.app..")
                .check(SENSORS);
    }

    @Test
    void decodersModelAndPipelineDoNotNeedSpring() {
        noClasses().that().resideInAnyPackage("org.tidemark.sensors.model..", "org.tidemark.sensors.ingest..",
                        "org.tidemark.sensors.sl651..", "org.tidemark.sensors.mqtt..", "org.tidemark.sensors.alert..",
                        "org.tidemark.sensors.live..", "org.tidemark.sensors.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(SENSORS);
    }

    @Test
    void onlyTheWebPackageAndTheModuleUseSpring() {
        noClasses().that().resideOutsideOfPackages("org.tidemark.sensors.web..", "org.tidemark.sensors")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..")
                .check(SENSORS);
    }
}
