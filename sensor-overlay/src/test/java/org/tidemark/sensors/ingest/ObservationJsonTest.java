package org.tidemark.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationJsonTest {
    private static List<ObservationInput> read(String json) { return ObservationJson.read(json.getBytes(StandardCharsets.UTF_8)); }

    @Test
    void readsArraysAndSingleObjects() {
        List<ObservationInput> in = read("""
                [{"station":"63201100","property":"Z","time":"2026-09-14T10:00:00+08:00","value":3.5,"unit":"m","quality":"good"},
                 {"station":"63201400","property":"DRP","time":"2026-09-14T10:00:00+08:00","value":0}]""");
        assertThat(in).containsExactly(
                new ObservationInput("63201100", "Z", "2026-09-14T10:00:00+08:00", 3.5, "m", "good"),
                new ObservationInput("63201400", "DRP", "2026-09-14T10:00:00+08:00", 0.0, null, null));
        assertThat(read("{\"station\":\"A\",\"value\":1}")).hasSize(1);
    }

    @Test
    void wrongShapesSurfaceAsInvalidElements() {
        List<ObservationInput> in = read("[1, {\"station\":{\"x\":1},\"value\":\"high\"}]");
        assertThat(in.get(0)).isNull();
        assertThat(in.get(1).station()).isNull();
        assertThat(in.get(1).value()).isNaN();
    }

    @Test
    void refusesNonJsonAndScalars() {
        assertThatThrownBy(() -> read("[{")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class);
    }
}
