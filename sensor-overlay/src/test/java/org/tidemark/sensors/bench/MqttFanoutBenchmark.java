package org.tidemark.sensors.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer for {@link LiveIngestBenchmark} (not a unit test; run by {@code bench/run.sh}): the same fan-out —
 * {@code bench.rate} readings/s, each delivered to {@code bench.clients} subscribers — through a private
 * Mosquitto (C, single-threaded) started on a free port, QoS 0 like an SSE push, subscribers in this JVM like
 * the SSE clients there. Latency from publish to each subscriber; both benchmarks print BENCH lines so one run
 * gives the ratio. Skipped without {@code /usr/sbin/mosquitto}.
 */
@Tag("benchmark")
class MqttFanoutBenchmark {
    @TempDir Path dir;

    @Test
    void sameFanOutThroughMosquitto() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mosquitto")), "mosquitto not installed");
        int rate = Integer.getInteger("bench.rate", 2000);
        int clients = Integer.getInteger("bench.clients", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int batch = Integer.getInteger("bench.batch", 200);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nmax_queued_messages 100000\n");
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("broker.log").toFile()).start();
        List<MqttAsyncClient> subscribers = new ArrayList<>();
        try {
            waitForPort(port, broker);
            String url = "tcp://127.0.0.1:" + port;
            int total = rate * seconds / batch * batch;
            List<long[]> latencies = new ArrayList<>();
            List<AtomicLong> received = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                MqttAsyncClient sub = new MqttAsyncClient(url, "bench-sub-" + c, new MemoryPersistence());
                long[] lat = new long[total + 1000];
                AtomicLong n = new AtomicLong();
                sub.setCallback(new MqttCallback() {
                    public void connectionLost(Throwable cause) {}

                    public void messageArrived(String topic, MqttMessage m) {
                        long now = System.nanoTime();
                        String p = new String(m.getPayload(), StandardCharsets.UTF_8);
                        long sent = Long.parseLong(p.substring(p.lastIndexOf(':') + 1, p.length() - 1));
                        int i = (int) n.getAndIncrement();
                        if (i < lat.length) lat[i] = now - sent;
                    }

                    public void deliveryComplete(IMqttDeliveryToken token) {}
                });
                MqttConnectOptions o = new MqttConnectOptions();
                o.setMaxInflight(65_535);
                sub.connect(o).waitForCompletion(10_000);
                sub.subscribe("bench/obs", 0).waitForCompletion(10_000);
                subscribers.add(sub);
                latencies.add(lat);
                received.add(n);
            }
            MqttAsyncClient pub = new MqttAsyncClient(url, "bench-pub", new MemoryPersistence());
            MqttConnectOptions po = new MqttConnectOptions();
            po.setMaxInflight(65_535);
            pub.connect(po).waitForCompletion(10_000);
            long periodNanos = 1_000_000_000L * batch / rate;
            long start = System.nanoTime();
            for (int b = 0; b < total / batch; b++) {
                long wait = start + b * periodNanos - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                for (int i = 0; i < batch; i++) {
                    int k = b * batch + i;
                    // an observation event's size and shape, with the send time last
                    String json = "{\"STCD\":\"6399" + String.format("%04d", k % 200) + "\",\"STNM\":\"站" + (k % 200)
                            + "\",\"property\":\"Z\",\"value\":1.5,\"unit\":\"m\",\"TM\":\"2026-12-08T00:00:00Z\","
                            + "\"quality\":\"good\",\"lon\":121.5,\"lat\":29.2,\"sent\":" + System.nanoTime() + "}";
                    pub.publish("bench/obs", json.getBytes(StandardCharsets.UTF_8), 0, false);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(x -> x > 0)).sorted().toArray();
            long complete = received.stream().filter(n -> n.get() >= total).count();
            System.out.printf("BENCH mosquitto fan-out: readings=%d in %.1f s = %.0f/s, clients=%d, complete clients=%d, "
                            + "events=%d, latency ms p50=%.1f p99=%.1f max=%.1f%n", total, elapsed, total / elapsed, clients,
                    complete, all.length, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
            pub.disconnectForcibly(1_000, 1_000);
            pub.close();
        } finally {
            for (MqttAsyncClient s : subscribers) {
                try {
                    s.disconnectForcibly(1_000, 1_000);
                    s.close();
                } catch (Exception ignored) {
                    // the broker goes away next
                }
            }
            broker.destroy();
            broker.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void waitForPort(int port, Process broker) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!broker.isAlive()) throw new IllegalStateException("mosquitto exited");
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start");
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
