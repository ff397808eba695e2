package org.tidemark.sensors.sl651;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.ingest.ObservationInput;

class Sl651ReportCodecTest {
    private static final Instant OBS = Instant.parse("2026-09-14T02:00:00Z");

    @Test
    void readsTheGoldenReportElements() {
        Sl651Frame f = Sl651HexCodec.decode(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));
        Sl651Report r = Sl651ReportCodec.read(f.text());
        assertThat(r.serial()).isEqualTo(1);
        assertThat(r.station()).isEqualTo("0063201100");
        assertThat(r.stationType()).isEqualTo(Sl651Report.RIVER);
        assertThat(r.elements()).extracting(Sl651Element::identifier).containsExactly(0x39, 0x20, 0x38);
        assertThat(r.elements()).extracting(Sl651Element::value)
                .containsExactly(new BigDecimal("4.150"), new BigDecimal("12.5"), new BigDecimal("12.34"));
        assertThat(r.elements()).allSatisfy(e -> assertThat(e.time()).isEqualTo(OBS));
        assertThat(Sl651ReportCodec.write(r)).isEqualTo(f.text());
    }

    @Test
    void mapsElementsToSl323PropertiesByStationType() {
        Sl651Report r = Sl651ReportCodec.read(Sl651HexCodec.decode(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT)).text());
        List<ObservationInput> in = Sl651Mapping.inputs(r, TestStations.RIVER);
        assertThat(in).containsExactly(
                new ObservationInput(TestStations.RIVER, "Z", "2026-09-14T10:00+08:00", 4.15, null, null),
                new ObservationInput(TestStations.RIVER, "DRP", "2026-09-14T10:00+08:00", 12.5, null, null),
                new ObservationInput(TestStations.RIVER, "VT", "2026-09-14T10:00+08:00", 12.34, null, null));
        assertThat(Sl651Mapping.property(0x39, Sl651Report.TIDE)).isEqualTo("TDZ");
        assertThat(Sl651Mapping.property(0x39, Sl651Report.RESERVOIR)).isEqualTo("RZ");
        assertThat(Sl651Mapping.property(0x3B, Sl651Report.RESERVOIR)).isEqualTo("RZ");
        assertThat(Sl651Mapping.property(0x26, Sl651Report.RAIN)).isNull();
        assertThat(Sl651Mapping.station("0063201100", TestStations.registry()::find)).isPresent();
        assertThat(Sl651Mapping.station("1163201100", TestStations.registry()::find)).isPresent();
        assertThat(Sl651Mapping.station("0012345678", TestStations.registry()::find)).isEmpty();
    }

    @Test
    void negativeInvalidAndPrivateElements() {
        // F1F1 address, tide station; F0F0 time; 39 negative -0.35 m; 39 all-FF invalid; FF 0A private (2 bytes) skipped
        byte[] text = Sl651Golden.bytes("0002260914100500F1F1006320130054F0F02609141000"
                + "3922FF000035" + "3923FFFFFFFF" + "FF0A100102" + "3A1A000321");
        Sl651Report r = Sl651ReportCodec.read(text);
        assertThat(r.elements()).extracting(Sl651Element::identifier).containsExactly(0x39, 0x39, 0xFF0A, 0x3A);
        assertThat(r.elements().get(0).value()).isEqualByComparingTo("-0.35");
        assertThat(r.elements().get(1).value()).isNull();
        assertThat(r.elements().get(3).value()).isEqualByComparingTo("3.21");
        assertThat(Sl651Mapping.inputs(r, TestStations.TIDE)).extracting(ObservationInput::value).containsExactly(-0.35);
    }

    @Test
    void severalObservationTimesInOneReport() {
        byte[] text = Sl651Golden.bytes("0003260914110000F1F1006320140050"
                + "F0F02609141000" + "2019000120" + "F0F02609141005" + "2019000070");
        Sl651Report r = Sl651ReportCodec.read(text);
        assertThat(r.stationType()).isEqualTo(Sl651Report.RAIN);
        assertThat(r.elements()).extracting(Sl651Element::time).containsExactly(OBS, OBS.plusSeconds(300));
        assertThat(r.elements()).extracting(Sl651Element::value)
                .containsExactly(new BigDecimal("12.0"), new BigDecimal("7.0"));
    }

    @Test
    void refusesTruncatedAndOverrunningTexts() {
        assertThatThrownBy(() -> Sl651ReportCodec.read(Sl651Golden.bytes("0001260914")))
                .isInstanceOf(Sl651Exception.class);
        assertThatThrownBy(() -> Sl651ReportCodec.read(Sl651Golden.bytes("0001260914100500F1F1006320110048F0F0260914100039")))
                .hasMessageContaining("definition");
        assertThatThrownBy(() -> Sl651ReportCodec.read(Sl651Golden.bytes("0001260914100500F1F1006320110048F0F026091410003923000041")))
                .hasMessageContaining("overruns");
        assertThatThrownBy(() -> Sl651ReportCodec.read(Sl651Golden.bytes("0001260914100500F1F10063201100483923000041500000")))
                .hasMessageContaining("before F0F0");
        assertThatThrownBy(() -> Sl651ReportCodec.read(Sl651Golden.bytes("0001261314100500F1F1006320110048")))
                .hasMessageContaining("invalid time");
    }

    @Property(tries = 200)
    void writeThenReadIsIdentity(@ForAll("reports") Sl651Report r) {
        assertThat(Sl651ReportCodec.read(Sl651ReportCodec.write(r))).isEqualTo(r);
    }

    @Provide
    Arbitrary<Sl651Report> reports() {
        Arbitrary<Sl651Element> element = Combinators.combine(
                Arbitraries.of(0x20, 0x39, 0x3B, 0x38, 0x26, 0xFF0A), Arbitraries.integers().between(2, 6),
                Arbitraries.integers().between(0, 3), Arbitraries.longs().between(-9999, 99_999),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((id, n, dec, digits, minutesSlot, invalid) -> {
                    long bound = (long) Math.pow(10, 2 * (n - 1)) - 1;    // negative values lose a byte to the FF sign
                    long d = Math.max(-bound, Math.min(bound, digits));
                    BigDecimal v = invalid ? null : BigDecimal.valueOf(d, dec);
                    return new Sl651Element(id, n, dec, v, OBS.plusSeconds(300L * minutesSlot));
                });
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.strings().withChars("0123456789").ofLength(10),
                Arbitraries.of(Sl651Report.RAIN, Sl651Report.RIVER, Sl651Report.RESERVOIR, Sl651Report.TIDE),
                element.list().ofMinSize(0).ofMaxSize(12))
                .as((serial, station, type, elements) -> {
                    List<Sl651Element> sorted = new ArrayList<>(elements);
                    sorted.sort(java.util.Comparator.comparing(Sl651Element::time));
                    return new Sl651Report(serial, Instant.parse("2026-09-14T02:05:00Z"), station, type, sorted);
                });
    }
}
