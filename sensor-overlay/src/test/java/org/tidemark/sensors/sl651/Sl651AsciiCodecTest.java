package org.tidemark.sensors.sl651;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** ASCII frames laid out by hand from the standard's ASCII layout, CRC from an independent implementation. */
class Sl651AsciiCodecTest {
    /** The same timed report as {@link Sl651Golden#TIMED_REPORT}, ASCII-encoded. */
    static final String REPORT = "\u00010100632011001234320047\u0002"
            + "0001260914100500 ST 0063201100 H TT 2609141000 Z 4.150 PJ 12.5 VT 12.34\u00032B91";
    static final String ACK = "\u0001006320110001123432801E\u00020001260914100530 ST 0063201100\u00041021";

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @Test
    void decodesTheGoldenReportToTheSameReadingsAsHex() {
        Sl651Frame f = Sl651AsciiCodec.decode(ascii(REPORT));
        assertThat(f.upstream()).isTrue();
        assertThat(f.station()).isEqualTo("0063201100");
        assertThat(f.centre()).isEqualTo(1);
        assertThat(f.function()).isEqualTo(Sl651Frame.TIMED);
        assertThat(f.end()).isEqualTo(Sl651Frame.ETX);
        Sl651Report r = Sl651AsciiCodec.readReport(f.text());
        assertThat(r.serial()).isEqualTo(1);
        assertThat(r.stationType()).isEqualTo(Sl651Report.RIVER);
        assertThat(r.sendTime()).isEqualTo(Instant.parse("2026-09-14T02:05:00Z"));
        Sl651Report hex = Sl651ReportCodec.read(Sl651HexCodec.decode(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT)).text());
        assertThat(Sl651Mapping.inputs(r, "63201100")).isEqualTo(Sl651Mapping.inputs(hex, "63201100"));
    }

    @Test
    void encodesTheGoldenAckByteForByte() {
        Sl651Frame ack = new Sl651Frame(1, "0063201100", 0x1234, 0x32, false, Sl651Frame.STX, 0, 0,
                Sl651AsciiCodec.ackText(1, Instant.parse("2026-09-14T02:05:30Z"), "0063201100"), Sl651Frame.EOT);
        assertThat(new String(Sl651AsciiCodec.encode(ack), StandardCharsets.ISO_8859_1)).isEqualTo(ACK);
        assertThat(new String(Sl651AsciiCodec.encode(Sl651AsciiCodec.decode(ascii(REPORT))), StandardCharsets.ISO_8859_1))
                .isEqualTo(REPORT);
    }

    @Test
    void refusesCorruptedFrames() {
        byte[] bad = ascii(REPORT);
        bad[40] = 'X';
        assertThatThrownBy(() -> Sl651AsciiCodec.decode(bad)).isInstanceOf(Sl651Exception.class)
                .extracting(e -> ((Sl651Exception) e).reason()).isEqualTo(Sl651Exception.Reason.BAD_CRC);
        assertThatThrownBy(() -> Sl651AsciiCodec.decode(ascii(REPORT.substring(0, REPORT.length() - 1))))
                .hasMessageContaining("length");
        assertThatThrownBy(() -> Sl651AsciiCodec.decode(ascii(REPORT.replace("0047", "00G7")))).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> Sl651AsciiCodec.readReport(ascii("0001260914100500 TT 2609141000 Z 1.0")))
                .hasMessageContaining("ST");
        assertThatThrownBy(() -> Sl651AsciiCodec.readReport(ascii("0001260914100500 ST 0063201100 H Z 1.0")))
                .hasMessageContaining("before TT");
        assertThatThrownBy(() -> Sl651AsciiCodec.readReport(ascii("0001260914100500 ST 0063201100 H TT 26091410")))
                .hasMessageContaining("TT");
    }

    @Test
    void readsAFrameFromAStream() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(ascii(REPORT));
        assertThat(in.read()).isEqualTo(Sl651AsciiCodec.SOH);
        assertThat(Sl651AsciiCodec.readFrameAfterSoh(in)).isEqualTo(ascii(REPORT));
    }

    @Test
    void invalidAndUnknownElements() {
        Sl651Report r = Sl651AsciiCodec.readReport(ascii("0002260914100500 ST 0063201300 T TT 2609141000 Z -0.35 ZX 9 Z //"));
        assertThat(r.stationType()).isEqualTo(Sl651Report.TIDE);
        assertThat(r.elements()).extracting(Sl651Element::value).containsExactly(new BigDecimal("-0.35"), null);
    }

    @Property(tries = 200)
    void encodeThenDecodeIsIdentity(@ForAll("frames") Sl651Frame f) {
        assertThat(Sl651AsciiCodec.decode(Sl651AsciiCodec.encode(f))).isEqualTo(f);
    }

    @Provide
    Arbitrary<Sl651Frame> frames() {
        Arbitrary<String> station = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(10);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200);
        return Combinators.combine(Arbitraries.integers().between(0, 255), station, Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0x2F, 0x4F), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 4095), text).as((c, s, pw, fn, up, multi, n, t) ->
                new Sl651Frame(c, s, pw, fn, up, multi ? Sl651Frame.SYN : Sl651Frame.STX, multi ? n : 0, multi ? 1 : 0,
                        t.getBytes(StandardCharsets.US_ASCII), up ? Sl651Frame.ETB : Sl651Frame.ACK));
    }
}
