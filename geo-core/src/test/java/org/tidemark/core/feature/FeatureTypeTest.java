package org.tidemark.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTypeTest {
    private static final List<Attribute> ATTRS = List.of(
            Attribute.of("name", AttributeType.STRING, "名称", "Name"),
            Attribute.of("observed", AttributeType.DATETIME, "观测时间", "Observed"));

    @Test
    void acceptsATimeAttributeThatIsAnAttribute() {
        FeatureType t = new FeatureType("gauges", null, null, ATTRS, null, null, 0, "observed");
        assertThat(t.hasTime()).isTrue();
        assertThat(t.geometryName()).isEqualTo("geom");
        assertThat(t.storageSrid()).isEqualTo(4490);
        assertThat(t.hasProperty("geom")).isTrue();
        assertThat(t.hasProperty("observed")).isTrue();
    }

    @Test
    void rejectsAnUnknownTimeAttributeAndNonNcNames() {
        assertThatThrownBy(() -> new FeatureType("gauges", null, null, ATTRS, null, null, 0, "time"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time attribute time");
        assertThatThrownBy(() -> new FeatureType("1gauges", null, null, ATTRS, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
