package org.tidemark.sensors.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.live.LiveEvent;
import org.tidemark.sensors.model.StationRegistry;

/**
 * One client's pass over the live bus, shared by the SSE and WebSocket transports so that both apply the
 * same rules: the caller's view follows grant changes ({@link GaugeAccess#follow}) and a caller who lost the
 * layer is cut off; a client that fell behind the bus is ended (it resumes with its last event id); idle
 * clients get a heartbeat; events are filtered and masked per client, and an unmasked event's pre-encoded
 * frame is shared by every client that sees it.
 *
 * @param <F> the transport's frame (UTF-8 bytes for SSE, text for WebSocket)
 */
final class LivePump<F> {
    static final int MAX_BATCH = 256;

    /** Why a stream ended on the server's side. */
    enum End { ACCESS_ENDED, FELL_BEHIND }

    /** What a transport does for the pump. */
    interface Transport<F> {
        boolean isOpen();

        void heartbeat() throws IOException;

        /** Sends the frames of one batch (never empty), ideally in one write. */
        void send(List<F> frames) throws IOException;

        void end(End why) throws IOException;
    }

    private final StationRegistry stations;
    private final LiveFrames<F> frames;
    private final long heartbeatMillis;

    LivePump(StationRegistry stations, LiveFrames<F> frames, long heartbeatMillis) {
        this.stations = stations;
        this.frames = frames;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** Runs until the client goes, the stream is ended, or the thread is interrupted. */
    void run(LiveBus.Subscription sub, GaugeAccess.Followed followed, LiveSelection selection, Transport<F> transport)
            throws IOException, InterruptedException {
        List<LiveEvent> batch = new ArrayList<>();
        List<F> out = new ArrayList<>();
        while (transport.isOpen()) {
            LiveEvent first = sub.poll(heartbeatMillis);
            GaugeAccess.View view = followed.current();
            if (!view.visible()) {
                transport.end(End.ACCESS_ENDED);
                return;
            }
            if (first == null) {
                if (sub.overflowed()) {
                    transport.end(End.FELL_BEHIND);
                    return;
                }
                transport.heartbeat();
                continue;
            }
            batch.clear();
            batch.add(first);
            sub.drainTo(batch, MAX_BATCH - 1);
            out.clear();
            for (LiveEvent e : batch) {
                String data = selection.render(e, selection.needsStation(view) ? stations.find(e.station()).orElse(null) : null, view);
                if (data != null) out.add(data == e.json() ? frames.of(e) : frames.of(e, data));   // shared frame when unmasked
            }
            if (!out.isEmpty()) transport.send(out);
        }
    }
}
