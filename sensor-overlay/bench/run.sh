#!/usr/bin/env bash
# Sensor benchmarks (results are the lines starting with BENCH):
#  1. JdbcObservationStore append rate in 500-reading batches on an H2 file database and, when
#     TIDEMARK_TEST_PG_URL is set, on PostgreSQL; plus the latest-value read of every station.
#  2. Live ingest: HTTP POSTs at RATE readings/s for WARMUP + SECONDS while CLIENTS SSE clients are connected,
#     committed to the JDBC store (H2 file; again on PostgreSQL when TIDEMARK_TEST_PG_URL is set) before the
#     POST is answered; end-to-end latency POST start -> SSE event at each client over the SECONDS after the
#     warm-up, and loss (clients that missed events, warm-up included).
#  3. The peer: the same fan-out (RATE messages/s to CLIENTS subscribers, QoS 0) through a private Mosquitto,
#     run right after 2, so the two BENCH lines give a ratio measured under the same machine load.
# Run on an otherwise idle machine; numbers from a loaded machine say little.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RATE=${RATE:-2000}
CLIENTS=${CLIENTS:-200}
DURATION=${SECONDS_TO_RUN:-20}
WARMUP=${WARMUP:-5}
common=(-B -q -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false)
mvn "${common[@]}" -pl geo-core,data test -Dtest=JdbcObservationStoreBenchmark | grep BENCH || true
live() {
  mvn "${common[@]}" -pl geo-core,data,sensor-overlay test -Dtest="$1" -Dbench.store="${2:-h2}" \
    -Dbench.rate="$RATE" -Dbench.clients="$CLIENTS" -Dbench.seconds="$DURATION" -Dbench.warmup="$WARMUP" | grep BENCH || true
}
live LiveIngestBenchmark h2
if [ -n "${TIDEMARK_TEST_PG_URL:-}" ]; then live LiveIngestBenchmark pg; fi
live MqttFanoutBenchmark
