package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;

/**
 * numberMatched comes from the features read ahead when a page ends within them (no count query), and from
 * a count otherwise — with the same answers either way, and never two open cursors at once.
 */
class GetFeatureReadAheadTest {
    static final int TOTAL = GetFeatureExecutor.READ_AHEAD + 150;
    final AtomicInteger counts = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    final MockMvc mvc = mvc();

    MockMvc mvc() {
        FeatureType type = new FeatureType("points", LocalizedText.of("点", "Points"), null,
                List.of(Attribute.of("n", AttributeType.INTEGER, "序号", "Number")), "geom", GeometryKind.POINT, 4490, null);
        GeometryFactory gf = new GeometryFactory();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < TOTAL; i++) {
            // n < 10 lie in a small box; the rest spread east of it
            double x = i < 10 ? 121.80 + i * 0.001 : 122.0 + i * 0.0001;
            features.add(new Feature("f" + (1000 + i), gf.createPoint(new Coordinate(x, 29.40)), Map.of("n", i)));
        }
        MemoryFeatureSource counting = new MemoryFeatureSource(type, features) {
            @Override
            public long count(FeatureQuery query) {
                counts.incrementAndGet();
                return super.count(query);
            }

            @Override
            public FeatureCursor query(FeatureQuery query) {
                FeatureCursor c = super.query(query);
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                return new FeatureCursor() {
                    boolean closed;

                    public boolean hasNext() { return c.hasNext(); }

                    public Feature next() { return c.next(); }

                    public void close() {
                        if (!closed) open.decrementAndGet();
                        closed = true;
                        c.close();
                    }
                };
            }
        };
        MemoryLayerCatalog catalog = new MemoryLayerCatalog().add(new Layer(type,
                new Department("planning", LocalizedText.of("规划局", "Planning Bureau")), List.of(), "static", true, false, null), counting);
        FeatureServiceSettings settings = FeatureServiceSettings.defaults();
        return MockMvcBuilders.standaloneSetup(new WfsController(new WfsService(new GatedCatalog(catalog, AccessPolicy.OPEN), settings), settings)).build();
    }

    Xml getFeature(String extra) throws Exception {
        var r = mvc.perform(get(URI.create("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=points" + extra))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(open.get()).as("cursors left open").isZero();
        return new Xml(r.getContentAsByteArray());
    }

    @Test
    void aSmallResultIsCountedFromTheFeaturesThemselves() throws Exception {
        Xml x = getFeature("&BBOX=121.79,29.39,121.82,29.41,CRS:84");
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("10");
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("10");
        assertThat(counts.get()).isZero();
    }

    @Test
    void aLargeResultIsCountedAndStreamedWhole() throws Exception {
        Xml x = getFeature("");
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(String.valueOf(TOTAL));
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo(String.valueOf(TOTAL));
        assertThat(x.count("//wfs:member")).isEqualTo(TOTAL);
        assertThat(counts.get()).isEqualTo(1);
        assertThat(maxOpen.get()).as("the read-ahead cursor is closed while counting").isEqualTo(1);
    }

    @Test
    void aFullPageNeedsTheCountForItsNextLink() throws Exception {
        Xml x = getFeature("&COUNT=10&STARTINDEX=5&SORTBY=n");
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(String.valueOf(TOTAL));
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("10");
        assertThat(x.text("/wfs:FeatureCollection/@next")).contains("STARTINDEX=15");
        assertThat(counts.get()).isEqualTo(1);
    }

    @Test
    void theLastPartialPageIsCountedWithoutAQuery() throws Exception {
        Xml x = getFeature("&COUNT=100&STARTINDEX=" + (TOTAL - 7) + "&SORTBY=n");
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(String.valueOf(TOTAL));
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("7");
        assertThat(x.text("/wfs:FeatureCollection/@next")).isEmpty();
        assertThat(counts.get()).isZero();
    }

    @Test
    void aPageBeyondTheEndStillReportsTheTotal() throws Exception {
        Xml x = getFeature("&COUNT=10&STARTINDEX=" + (TOTAL + 50));
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(String.valueOf(TOTAL));
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("0");
        assertThat(counts.get()).isEqualTo(1);
    }
}
