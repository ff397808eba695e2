#!/usr/bin/env bash
# Sensor benchmarks (results are the lines starting with BENCH):
#  1. JdbcObservationStore append rate in 500-reading batches on an H2 file database and, when
#     TIDEMARK_TEST_PG_URL is set, on PostgreSQL; plus the latest-value read of every station.
#  2. Live ingest: HTTP POSTs at RATE readings/s for SECONDS while CLIENTS SSE clients are connected;
#     end-to-end latency POST start -> SSE event at each client, and loss (clients that missed events).
#  3. The peer: the same fan-out (RATE messages/s to CLIENTS subscribers, QoS 0) through a private Mosquitto,
#     run right after 2, so the two BENCH lines give a ratio measured under the same machine load.
# Run on an otherwise idle machine; numbers from a loaded machine say little.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RATE=${RATE:-2000}
CLIENTS=${CLIENTS:-200}
DURATION=${SECONDS_TO_RUN:-20}
common=(-B -q -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false)
mvn "${common[@]}" -pl geo-core,data test -Dtest=JdbcObservationStoreBenchmark | grep BENCH || true
mvn "${common[@]}" -pl geo-core,sensor-overlay test -Dtest='LiveIngestBenchmark,MqttFanoutBenchmark' \
  -Dbench.rate="$RATE" -Dbench.clients="$CLIENTS" -Dbench.seconds="$DURATION" | grep BENCH || true
