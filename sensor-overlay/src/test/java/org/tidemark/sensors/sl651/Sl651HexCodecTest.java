package org.tidemark.sensors.sl651;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidemark.sensors.sl651.Sl651Golden.bytes;
import static org.tidemark.sensors.sl651.Sl651Golden.hex;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Sl651HexCodecTest {
    @Test
    void decodesTheGoldenTimedReport() {
        Sl651Frame f = Sl651HexCodec.decode(bytes(Sl651Golden.TIMED_REPORT));
        assertThat(f.upstream()).isTrue();
        assertThat(f.centre()).isEqualTo(0x01);
        assertThat(f.station()).isEqualTo("0063201100");
        assertThat(f.password()).isEqualTo(0x1234);
        assertThat(f.function()).isEqualTo(Sl651Frame.TIMED);
        assertThat(f.start()).isEqualTo(Sl651Frame.STX);
        assertThat(f.end()).isEqualTo(Sl651Frame.ETX);
        assertThat(f.text()).hasSize(0x26);
        assertThat(f.serial()).isEqualTo(1);
        assertThat(f.sendTime()).isEqualTo(Instant.parse("2026-09-14T02:05:00Z"));
        assertThat(f.isReport()).isTrue();
    }

    @Test
    void encodesTheGoldenFramesByteForByte() {
        Sl651Frame f = Sl651HexCodec.decode(bytes(Sl651Golden.TIMED_REPORT));
        assertThat(hex(Sl651HexCodec.encode(f))).isEqualTo(Sl651Golden.TIMED_REPORT);
        byte[] ackText = Sl651ReportCodec.ackText(1, Instant.parse("2026-09-14T02:05:30Z"), "0063201100");
        Sl651Frame ack = new Sl651Frame(0x01, "0063201100", 0x1234, 0x32, false, Sl651Frame.STX, 0, 0, ackText, Sl651Frame.EOT);
        assertThat(hex(Sl651HexCodec.encode(ack))).isEqualTo(Sl651Golden.TIMED_REPORT_ACK);
        Sl651Frame back = Sl651HexCodec.decode(bytes(Sl651Golden.TIMED_REPORT_ACK));
        assertThat(back.upstream()).isFalse();
        assertThat(back.station()).isEqualTo("0063201100");   // downlink: station address first
        assertThat(back.centre()).isEqualTo(0x01);
    }

    @Test
    void refusesCorruptedFrames() {
        byte[] good = bytes(Sl651Golden.TIMED_REPORT);
        byte[] flipped = good.clone();
        flipped[30] ^= 0x01;
        assertThatThrownBy(() -> Sl651HexCodec.decode(flipped)).isInstanceOf(Sl651Exception.class)
                .extracting(e -> ((Sl651Exception) e).reason()).isEqualTo(Sl651Exception.Reason.BAD_CRC);
        assertThatThrownBy(() -> Sl651HexCodec.decode(Arrays.copyOf(good, good.length - 1)))
                .hasMessageContaining("length field");
        byte[] noStart = good.clone();
        noStart[0] = 0x68;
        assertThatThrownBy(() -> Sl651HexCodec.decode(noStart)).hasMessageContaining("7E7E");
        byte[] noStx = good.clone();
        noStx[13] = 0x09;
        assertThatThrownBy(() -> Sl651HexCodec.decode(noStx)).hasMessageContaining("STX");
        byte[] badDirection = good.clone();
        badDirection[11] = 0x40;
        assertThatThrownBy(() -> Sl651HexCodec.decode(badDirection)).hasMessageContaining("direction");
        assertThatThrownBy(() -> Sl651HexCodec.decode(new byte[5])).hasMessageContaining("short");
    }

    @Test
    void readsFramesFromAStreamSkippingNoise() throws Exception {
        byte[] frame = bytes(Sl651Golden.TIMED_REPORT);
        byte[] stream = new byte[3 + frame.length * 2];
        stream[0] = 0x00;
        stream[1] = 0x7E;   // a lone 7E is noise
        stream[2] = 0x11;
        System.arraycopy(frame, 0, stream, 3, frame.length);
        System.arraycopy(frame, 0, stream, 3 + frame.length, frame.length);
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertThat(Sl651HexCodec.readFrame(in)).isEqualTo(frame);
        assertThat(Sl651HexCodec.readFrame(in)).isEqualTo(frame);
        assertThatThrownBy(() -> Sl651HexCodec.readFrame(in)).isInstanceOf(EOFException.class);
        ByteArrayInputStream truncated = new ByteArrayInputStream(Arrays.copyOf(frame, 20));
        assertThatThrownBy(() -> Sl651HexCodec.readFrame(truncated)).isInstanceOf(EOFException.class);
    }

    @Property(tries = 300)
    void encodeThenDecodeIsIdentity(@ForAll("frames") Sl651Frame f) {
        byte[] wire = Sl651HexCodec.encode(f);
        assertThat(Sl651HexCodec.decode(wire)).isEqualTo(f);
        assertThat(Crc16.of(wire, 0, wire.length - 2))
                .isEqualTo(((wire[wire.length - 2] & 0xFF) << 8) | (wire[wire.length - 1] & 0xFF));
    }

    @Provide
    Arbitrary<Sl651Frame> frames() {
        Arbitrary<String> station = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(10);
        Arbitrary<byte[]> text = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
        Arbitrary<Integer> end = Arbitraries.of(Sl651Frame.ETX, Sl651Frame.ETB, Sl651Frame.ENQ, Sl651Frame.EOT,
                Sl651Frame.ACK, Sl651Frame.NAK, Sl651Frame.ESC);
        Arbitrary<Boolean> multi = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.integers().between(0, 255), station, Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0x2F, 0x60), Arbitraries.of(true, false), multi,
                Arbitraries.integers().between(1, 4095), text).as((c, s, pw, fn, up, m, n, t) ->
                new Sl651Frame(c, s, pw, fn, up, m ? Sl651Frame.SYN : Sl651Frame.STX, m ? n : 0, m ? Math.min(n, 7) : 0, t,
                        up ? Sl651Frame.ETX : Sl651Frame.EOT))
                .flatMap(f -> end.map(e -> new Sl651Frame(f.centre(), f.station(), f.password(), f.function(),
                        f.upstream(), f.start(), f.packetCount(), f.packetSeq(), f.text(), e)));
    }
}
