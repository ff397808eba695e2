package org.tidemark.layers.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidemark.layers.analysis.AnalysisFixtures.*;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

class SitingCheckTest {
    static final FeatureType ZONES = type("flood_zones", GeometryKind.POLYGON,
            Attribute.of("risk_class", AttributeType.INTEGER, "风险等级", "Risk class"));
    static final String ZONE = "POLYGON((121.02 29.02, 121.04 29.02, 121.04 29.04, 121.02 29.04, 121.02 29.02))";

    final MemoryLayerCatalog catalog = catalog();
    final SitingCheck check = new SitingCheck(coast(0, 12f), SitingRules.defaults());

    SitingCheckTest() {
        add(catalog, ZONES, true, feature("z3", ZONE, Map.of("risk_class", 3)));
    }

    LayerReader reader() { return new LayerReader(catalog, AccessPolicy.OPEN, Principal.ANONYMOUS); }

    @Test
    void squareHalfInsideASquareZoneOverlapsFiftyPercent() {
        // the site spans 121.035–121.045: its western half lies in the zone
        var site = geometry("POLYGON((121.035 29.025, 121.045 29.025, 121.045 29.035, 121.035 29.035, 121.035 29.025))");
        var report = check.run(reader(), site, "residential");
        assertThat(report.floodZones().get(2).percent()).isCloseTo(50.0, Offset.offset(0.05));
        // 0.01° × 0.01° at 29.03° N on the ellipsoid: 1108.6 m × 973.7 m, × 1.0009 GK scale 2° from CM 123° E
        assertThat(report.siteAreaM2()).isCloseTo(1_080_400, Offset.offset(2_000.0));
        assertThat(report.approved()).as("residential allows at most 10 %% in class 3").isFalse();
    }

    @Test
    void schoolOverlappingTheHighestRiskClassIsRefusedWithTheReason() {
        var site = geometry("POLYGON((121.035 29.025, 121.045 29.025, 121.045 29.035, 121.035 29.035, 121.035 29.025))");
        var report = check.run(reader(), site, "school");
        assertThat(report.approved()).isFalse();
        assertThat(report.reasons()).filteredOn(r -> !r.passed()).extracting(SitingReport.Reason::rule).contains("risk_class_3");
        assertThat(report.reasons()).filteredOn(r -> r.rule().equals("risk_class_3")).first()
                .satisfies(r -> assertThat(r.zh()).contains("3 级").contains("50.0%"));
    }

    @Property(tries = 20)
    void aSiteFullyInsideTheZoneOverlapsOneHundredPercent(@ForAll @DoubleRange(min = 121.021, max = 121.034) @net.jqwik.api.constraints.Scale(4) double x,
                                                         @ForAll @DoubleRange(min = 29.021, max = 29.034) @net.jqwik.api.constraints.Scale(4) double y) {
        var site = geometry(String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                x, y, x + 0.005, y, x + 0.005, y + 0.005, x, y + 0.005, x, y));
        var report = new SitingCheck(coast(0, 12f), SitingRules.defaults()).run(reader(), site, "industrial");
        assertThat(report.floodZones().get(2).percent()).isCloseTo(100.0, Offset.offset(1e-6));
    }

    @Test
    void hiddenLayersAreReportedAsOmittedAndDoNotApproveBlindly() {
        AccessPolicy hideZones = (p, l) -> l.equals("flood_zones") ? AccessDecision.DENY : AccessDecision.READ_ALL;
        var site = geometry("POLYGON((121.035 29.025, 121.045 29.025, 121.045 29.035, 121.035 29.035, 121.035 29.025))");
        var report = check.run(new LayerReader(catalog, hideZones, Principal.ANONYMOUS), site, "school");
        assertThat(report.omittedLayers()).contains("flood_zones");
        assertThat(report.floodZones().get(2).areaM2()).isZero();
        assertThat(report.approved()).isFalse();
    }

    @Test
    void badSitesAreClearErrors() {
        assertThatThrownBy(() -> check.run(reader(), geometry("POLYGON((121 29, 121.01 29.01, 121.01 29, 121 29.01, 121 29))"), "school"))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> check.run(reader(), geometry("POLYGON EMPTY"), "school"))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> check.run(reader(), geometry("POINT(121 29)"), "school"))
                .isInstanceOf(GeoServiceException.class);
        assertThatThrownBy(() -> check.run(reader(), geometry(ZONE), "casino"))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("casino");
    }
}
