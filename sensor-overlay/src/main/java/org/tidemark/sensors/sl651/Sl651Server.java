package org.tidemark.sensors.sl651;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Station;
import org.tidemark.sensors.ingest.Committed;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationInput;
import org.tidemark.sensors.ingest.RejectReason;
import org.tidemark.sensors.model.StationRegistry;

/**
 * The central-station side of SL 651-2014 over TCP (§5.2: the telemetry station connects as client).
 * Each connection runs on its own virtual thread: it reads HEX/BCD or ASCII frames (told apart by their
 * start, {@code 7E7E} or {@code SOH}), checks the CRC, decodes
 * report texts (function codes 31H–35H), validates and queues the readings, waits until they are
 * committed, and only then answers with a downlink frame carrying the same function code and serial
 * number, ending {@code EOT} (or {@code ACK} when the station announced more packets with {@code ETB}).
 * A frame with a bad CRC is answered {@code NAK} so the station retransmits; when the queue is full or
 * the store is down no answer is sent and the station's own retransmission brings the report again.
 * Retransmitted reports are de-duplicated by the store (station + property + observation time).
 */
public final class Sl651Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sl651Server.class);
    private static final String CHANNEL = "sl651";
    private static final int MAX_CONNECTIONS = 2_000;

    private final IngestService ingest;
    private final StationRegistry stations;
    private final Clock clock;
    private final int centre;
    private final Duration idleTimeout;
    private final ServerSocket server;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    public Sl651Server(IngestService ingest, StationRegistry stations, Clock clock, int port, int centre,
                       Duration idleTimeout) throws IOException {
        this.ingest = ingest;
        this.stations = stations;
        this.clock = clock;
        this.centre = centre;
        this.idleTimeout = idleTimeout;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
        Thread.ofVirtual().name("sl651-accept").start(this::accept);
        log.info("SL651 listener on port {}", server.getLocalPort());
    }

    public int port() { return server.getLocalPort(); }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                if (!slots.tryAcquire()) {
                    s.close();
                    continue;
                }
                sockets.add(s);
                Thread.ofVirtual().name("sl651-" + s.getRemoteSocketAddress()).start(() -> serve(s));
            } catch (IOException e) {
                if (running) log.warn("SL651 accept failed: {}", e.toString());
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout((int) idleTimeout.toMillis());
            int prev = -1;
            while (running) {
                int c;
                try {
                    c = in.read();
                } catch (SocketTimeoutException e) {
                    return;
                }
                if (c < 0) return;
                boolean ascii = c == Sl651AsciiCodec.SOH;
                boolean hex = prev == 0x7E && c == 0x7E;
                prev = c;
                if (!ascii && !hex) continue;   // noise between frames
                prev = -1;
                byte[] raw;
                try {
                    raw = ascii ? Sl651AsciiCodec.readFrameAfterSoh(in) : Sl651HexCodec.readFrameAfterStart(in);
                } catch (EOFException | SocketTimeoutException e) {
                    return;
                } catch (Sl651Exception e) {
                    ingest.reject(CHANNEL, RejectReason.BAD_FRAME);
                    continue;
                }
                Sl651Frame frame;
                try {
                    frame = ascii ? Sl651AsciiCodec.decode(raw) : Sl651HexCodec.decode(raw);
                } catch (Sl651Exception e) {
                    ingest.reject(CHANNEL, e.reason() == Sl651Exception.Reason.BAD_CRC ? RejectReason.BAD_CRC : RejectReason.BAD_FRAME);
                    if (e.reason() == Sl651Exception.Reason.BAD_CRC && !ascii) nak(raw, out);
                    continue;
                }
                if (!frame.upstream() || !frame.isReport()) continue;
                handleReport(frame, ascii, out);
            }
        } catch (IOException e) {
            log.debug("SL651 connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(socket);
            slots.release();
        }
    }

    private void handleReport(Sl651Frame frame, boolean ascii, OutputStream out) throws IOException, InterruptedException {
        Sl651Report report;
        try {
            report = ascii ? Sl651AsciiCodec.readReport(frame.text()) : Sl651ReportCodec.read(frame.text());
        } catch (Sl651Exception e) {
            ingest.reject(CHANNEL, RejectReason.BAD_FRAME);
            return;
        }
        Optional<Station> station = Sl651Mapping.station(report.station(), stations::find);
        if (station.isPresent()) {
            List<ObservationInput> inputs = Sl651Mapping.inputs(report, station.get().code());
            try {
                Committed c = ingest.submitValid(CHANNEL, inputs).get(30, TimeUnit.SECONDS);
                log.debug("SL651 report {} from {}: {} new, {} duplicate", report.serial(), report.station(),
                        c.accepted(), c.duplicates());
            } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.info("SL651 report {} from {} not acknowledged: {}", report.serial(), report.station(), e.toString());
                return;   // no answer: the station retransmits
            }
        } else {
            ingest.reject(CHANNEL, RejectReason.UNKNOWN_STATION);   // answered anyway: a retransmission cannot help
        }
        int end = frame.end() == Sl651Frame.ETB ? Sl651Frame.ACK : Sl651Frame.EOT;
        reply(frame, report.serial(), ascii, end, out);
    }

    private void reply(Sl651Frame to, int serial, boolean ascii, int end, OutputStream out) throws IOException {
        byte[] text = ascii ? Sl651AsciiCodec.ackText(serial, clock.instant(), to.station())
                : Sl651ReportCodec.ackText(serial, clock.instant(), to.station());
        Sl651Frame ack = new Sl651Frame(to.centre() == 0 ? centre : to.centre(), to.station(), to.password(), to.function(),
                false, Sl651Frame.STX, 0, 0, text, end);
        out.write(ascii ? Sl651AsciiCodec.encode(ack) : Sl651HexCodec.encode(ack));
        out.flush();
    }

    private void nak(byte[] raw, OutputStream out) throws IOException {
        if (raw.length < 24 || (raw[11] & 0xF0) != 0) return;   // not an uplink frame with a readable header
        String station = Sl651HexCodec.hex(raw, 3, 5);
        int serial = ((raw[14] & 0xFF) << 8) | (raw[15] & 0xFF);
        int password = ((raw[8] & 0xFF) << 8) | (raw[9] & 0xFF);
        byte[] text = Sl651ReportCodec.ackText(serial, clock.instant(), station);
        Sl651Frame nak = new Sl651Frame(raw[2] & 0xFF, station, password, raw[10] & 0xFF, false, Sl651Frame.STX, 0, 0,
                text, Sl651Frame.NAK);
        out.write(Sl651HexCodec.encode(nak));
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing SL651 listener: {}", e.toString());
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
