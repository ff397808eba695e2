package org.tidemark.sensors.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Fans committed events out to live subscribers. Keeps the last {@code replaySize} events so a client
 * reconnecting with {@code Last-Event-ID} gets what it missed without a gap; gives each subscriber a
 * bounded queue and cuts off a subscriber that falls behind (it reconnects and resumes), so one slow
 * client never holds memory or slows the others.
 *
 * <p>Event ids increase by one per event from {@code idBase}. The app starts them at its start time in
 * microseconds, so ids stay unique and increasing across restarts and distinct between instances (an
 * instance would have to publish a million events per second to reach the ids of one started a second
 * later). A resume point this bus cannot have issued — older than its replay buffer, from before a restart,
 * or from another instance behind a load balancer — gets a {@link #RESET} event instead of a silent gap.
 */
public final class LiveBus {
    /** The event type sent when a resume point is older than the replay buffer. */
    public static final String RESET = "reset";

    private final int replaySize;
    private final int clientQueueSize;
    private final Function<Map<String, Object>, String> serializer;
    private final Deque<LiveEvent> replay = new ArrayDeque<>();
    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private long lastId;

    public LiveBus(int replaySize, int clientQueueSize) { this(replaySize, clientQueueSize, d -> null); }

    /** @param serializer turns a payload into its wire form once, at publication (shared by all clients) */
    public LiveBus(int replaySize, int clientQueueSize, Function<Map<String, Object>, String> serializer) {
        this(replaySize, clientQueueSize, serializer, 0);
    }

    /** @param idBase the id before the first event (the first event gets {@code idBase + 1}) */
    public LiveBus(int replaySize, int clientQueueSize, Function<Map<String, Object>, String> serializer, long idBase) {
        this.replaySize = replaySize;
        this.clientQueueSize = clientQueueSize;
        this.serializer = serializer;
        this.lastId = idBase;
    }

    /** Assigns the next id, remembers the event for replay and offers it to every subscriber. */
    public LiveEvent publish(String type, String station, Map<String, Object> data) {
        LiveEvent e;
        String json = serializer.apply(data);
        synchronized (this) {
            e = new LiveEvent(++lastId, type, station, data, json);
            replay.addLast(e);
            if (replay.size() > replaySize) replay.removeFirst();
            for (Subscription s : subscribers) s.offer(e);
        }
        return e;
    }

    /**
     * Subscribes; with {@code lastEventId >= 0} first replays the newer events still buffered, or a
     * {@link #RESET} event when some were already dropped from the buffer or the id is not one of ours.
     */
    public Subscription subscribe(long lastEventId) {
        Subscription s = new Subscription(clientQueueSize + replaySize);
        synchronized (this) {
            if (lastEventId >= 0 && lastEventId != lastId) {
                long oldest = replay.isEmpty() ? lastId + 1 : replay.peekFirst().id();
                if (lastEventId < oldest - 1 || lastEventId > lastId) {
                    s.offer(new LiveEvent(lastId, RESET, "", Map.of("lastEventId", lastId), null));
                } else {
                    for (LiveEvent e : replay) if (e.id() > lastEventId) s.offer(e);
                }
            }
            subscribers.add(s);
        }
        return s;
    }

    public int subscriberCount() { return subscribers.size(); }

    public synchronized long lastId() { return lastId; }

    /** One subscriber's queue. Closed when the client goes away or overflows. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<LiveEvent> queue;
        private volatile boolean overflowed;

        private Subscription(int capacity) { this.queue = new ArrayBlockingQueue<>(capacity); }

        private void offer(LiveEvent e) {
            if (!queue.offer(e)) {
                overflowed = true;
                subscribers.remove(this);
            }
        }

        /** The next event, or null after {@code timeoutMillis}. */
        public LiveEvent poll(long timeoutMillis) throws InterruptedException {
            return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /** Drains what is queued without waiting. */
        public List<LiveEvent> drain() {
            List<LiveEvent> out = new ArrayList<>();
            queue.drainTo(out);
            return out;
        }

        /** Moves up to {@code max} queued events into {@code into} without waiting. */
        public int drainTo(List<LiveEvent> into, int max) { return queue.drainTo(into, max); }

        /** Whether the subscriber fell behind and was cut off (after draining, the stream should end). */
        public boolean overflowed() { return overflowed; }

        @Override
        public void close() { subscribers.remove(this); }
    }
}
