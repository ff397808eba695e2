package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tidemark.core.render.IconLoader;
import org.tidemark.core.style.Graphic;
import org.tidemark.core.style.Rule;
import org.tidemark.core.style.SldReader;
import org.tidemark.core.style.StyledLayerDescriptor;
import org.tidemark.core.style.Symbolizer;

class BundledStylesTest {

    @ParameterizedTest
    @ValueSource(strings = {"flood_zones", "low_lying_areas", "reservoirs", "seawalls", "streams", "buildings", "roads",
        "place_names", "land", "police_cameras", "coastal_cameras", "hydro_stations", "gauges"})
    void everyDemoLayerHasAReadableBilingualStyle(String layer) throws Exception {
        StyledLayerDescriptor sld;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WmsModule.STYLE_BASE + layer + ".sld")) {
            assertThat(in).as(layer + ".sld").isNotNull();
            sld = SldReader.read(in);
        }
        StyledLayerDescriptor.NamedLayer nl = sld.layer(layer).orElseThrow();
        assertThat(nl.styles()).isNotEmpty();
        List<Rule> rules = nl.defaultStyleOf().orElseThrow().rules();
        assertThat(rules).isNotEmpty();
        IconLoader icons = IconLoader.classpath(WmsModule.STYLE_BASE);
        for (Rule r : rules) {
            assertThat(r.title().zh()).as(r.name()).isNotEqualTo(r.title().en());
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof Symbolizer.Point p && p.graphic().external() != null) {
                    Graphic.ExternalGraphic e = p.graphic().external();
                    assertThat(icons.load(e.href())).as(e.href()).isPresent();
                }
            }
        }
    }
}
