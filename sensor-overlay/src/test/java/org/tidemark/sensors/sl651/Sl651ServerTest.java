package org.tidemark.sensors.sl651;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Observation;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.ingest.IngestPipeline;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationValidator;
import org.tidemark.sensors.ingest.RejectCounters;
import org.tidemark.sensors.ingest.RejectReason;

/** A telemetry station talking to the real TCP listener. */
class Sl651ServerTest {
    private static final Instant NOW = Instant.parse("2026-09-14T02:05:30Z");
    private final InMemoryObservationStore store = new InMemoryObservationStore();
    private final IngestPipeline pipeline = new IngestPipeline(store, 1000, 100);
    private final RejectCounters rejects = new RejectCounters();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IngestService ingest = new IngestService(
            new ObservationValidator(TestStations.registry(), clock, Duration.ofMinutes(5)), pipeline, rejects);
    private Sl651Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        pipeline.close();
    }

    private Socket connect() throws Exception {
        server = new Sl651Server(ingest, TestStations.registry(), clock, 0, 0x01, Duration.ofSeconds(10));
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5_000);
        return s;
    }

    @Test
    void storesTheReportThenAcknowledgesWithTheSameSerial() throws Exception {
        try (Socket s = connect(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            out.write(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));
            out.flush();
            byte[] reply = Sl651HexCodec.readFrame(in);
            assertThat(Sl651Golden.hex(reply)).isEqualTo(Sl651Golden.TIMED_REPORT_ACK);
            // the ack came after the commit
            assertThat(store.latest(TestStations.RIVER, "Z")).get().extracting(Observation::value).isEqualTo(4.15);
            assertThat(store.latest(TestStations.RIVER, "DRP")).get().extracting(Observation::value).isEqualTo(12.5);

            out.write(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));   // retransmission (ack "lost")
            out.flush();
            assertThat(Sl651Golden.hex(Sl651HexCodec.readFrame(in))).isEqualTo(Sl651Golden.TIMED_REPORT_ACK);
            assertThat(store.history(TestStations.RIVER, null, Instant.EPOCH, NOW, 100)).hasSize(3);
        }
    }

    @Test
    void badCrcIsAnsweredWithNakAndNothingStored() throws Exception {
        byte[] bad = Sl651Golden.bytes(Sl651Golden.TIMED_REPORT);
        bad[bad.length - 1] ^= 0x55;
        try (Socket s = connect(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            out.write(bad);
            out.flush();
            Sl651Frame nak = Sl651HexCodec.decode(Sl651HexCodec.readFrame(in));
            assertThat(nak.end()).isEqualTo(Sl651Frame.NAK);
            assertThat(nak.serial()).isEqualTo(1);
            assertThat(nak.upstream()).isFalse();
            // the connection stays usable: a good frame after the bad one is stored
            out.write(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));
            out.flush();
            assertThat(Sl651HexCodec.decode(Sl651HexCodec.readFrame(in)).end()).isEqualTo(Sl651Frame.EOT);
        }
        assertThat(rejects.get("sl651", RejectReason.BAD_CRC)).isEqualTo(1);
    }

    @Test
    void aSilentOrGarbageClientDoesNotBlockOthers() throws Exception {
        try (Socket idle = connect(); Socket garbage = new Socket("127.0.0.1", server.port());
             Socket good = new Socket("127.0.0.1", server.port())) {
            idle.getOutputStream().write(new byte[] {0x7E, 0x7E, 0x01});   // half a header, then silence
            garbage.getOutputStream().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            good.setSoTimeout(5_000);
            good.getOutputStream().write(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));
            byte[] reply = Sl651HexCodec.readFrame(new DataInputStream(good.getInputStream()));
            assertThat(Sl651HexCodec.decode(reply).serial()).isEqualTo(1);
        }
    }

    @Test
    void asciiReportsAreStoredAndAnsweredInAscii() throws Exception {
        try (Socket s = connect(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            out.write(Sl651AsciiCodecTest.ascii(Sl651AsciiCodecTest.REPORT));
            out.flush();
            assertThat(in.read()).isEqualTo(Sl651AsciiCodec.SOH);
            byte[] reply = Sl651AsciiCodec.readFrameAfterSoh(in);
            assertThat(new String(reply, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(Sl651AsciiCodecTest.ACK);
        }
        assertThat(store.latest(TestStations.RIVER, "Z")).get().extracting(Observation::value).isEqualTo(4.15);
    }

    @Test
    void unknownStationIsCountedAndNotStored() throws Exception {
        Sl651Frame f = Sl651HexCodec.decode(Sl651Golden.bytes(Sl651Golden.TIMED_REPORT));
        Sl651Report r = Sl651ReportCodec.read(f.text());
        Sl651Report other = new Sl651Report(7, r.sendTime(), "0012345678", r.stationType(), r.elements());
        Sl651Frame unknown = new Sl651Frame(1, "0012345678", 0x1234, 0x33, true, Sl651Frame.STX, 0, 0,
                Sl651ReportCodec.write(other), Sl651Frame.ETX);
        try (Socket s = connect(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            out.write(Sl651HexCodec.encode(unknown));
            Sl651Frame reply = Sl651HexCodec.decode(Sl651HexCodec.readFrame(in));
            assertThat(reply.serial()).isEqualTo(7);
            assertThat(reply.function()).isEqualTo(0x33);
        }
        assertThat(store.latest()).isEmpty();
        assertThat(rejects.get("sl651", RejectReason.UNKNOWN_STATION)).isEqualTo(1);
    }
}
