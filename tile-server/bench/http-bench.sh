#!/usr/bin/env bash
# Cached terrain tiles over HTTP: the tile module on embedded Tomcat vs nginx serving the same gzip files,
# in the same run, with wrk. Usage: tile-server/bench/http-bench.sh [seconds] [connections]
# The app answers on two ports: APP_PORT with the tile fast path (as the app mounts it), MVC_PORT without it
# (every request through Spring MVC), so one run measures both against nginx.
# Environment: ROUNDS (3), APP_PORT (18180), NGINX_PORT (18181), MVC_PORT (18182), JAVA_OPTS (e.g. a JFR recording).
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
ROUNDS=${ROUNDS:-3}
CONNS=${2:-32}
WORK=$(mktemp -d)
APP_PORT=${APP_PORT:-18180}
NGINX_PORT=${NGINX_PORT:-18181}
MVC_PORT=${MVC_PORT:-18182}
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -q -o -pl tile-server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="tile-server/target/test-classes:tile-server/target/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/java" -Xmx1g -Djava.awt.headless=true ${JAVA_OPTS:-} -cp "$CP" org.tidemark.tiles.bench.TileHttpBenchServer \
    "$APP_PORT" "$WORK" "$MVC_PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do grep -q READY "$WORK/app.log" 2>/dev/null && break; sleep 1; done
grep -q READY "$WORK/app.log" || { echo "server did not start"; tail -20 "$WORK/app.log"; exit 1; }

cat > "$WORK/nginx.conf" <<NGINX
daemon on;
pid $WORK/nginx.pid;
worker_processes auto;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location /tiles/terrain/ {
      default_type application/vnd.quantized-mesh;
      add_header Content-Encoding gzip;
      add_header Access-Control-Allow-Origin *;
    }
  }
}
NGINX
chmod -R a+rX "$WORK"   # nginx workers do not run as the owner of the temporary directory
nginx -c "$WORK/nginx.conf"

export URLS="$WORK/urls.txt"
echo "tiles: $(wc -l < "$URLS"), duration ${DURATION}s, ${CONNS} connections, 2 wrk threads"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "$APP_PORT" "$MVC_PORT" "$NGINX_PORT"; do
  curl -s -o /dev/null -w "check :$p  %{http_code} %{size_download} bytes\n" -H "Accept-Encoding: gzip" \
      -H "Accept: application/vnd.quantized-mesh;extensions=octvertexnormals-watermask" "http://127.0.0.1:$p$(head -1 "$URLS")"
done
# warm-up: let the JIT compile both request paths (slow on a loaded machine), then warm nginx's page cache
wrk -t2 -c"$CONNS" -d30s -s tile-server/bench/terrain.lua "http://127.0.0.1:$APP_PORT" > /dev/null
wrk -t2 -c"$CONNS" -d20s -s tile-server/bench/terrain.lua "http://127.0.0.1:$MVC_PORT" > /dev/null
wrk -t2 -c"$CONNS" -d5s -s tile-server/bench/terrain.lua "http://127.0.0.1:$NGINX_PORT" > /dev/null
# the three take turns (ROUNDS rounds), so that the load others put on the machine meanwhile hits all alike;
# each round gives a ratio, and the median is reported
rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$WORK/wrk-$1.txt"; }
FAST=""; MVC=""
for r in $(seq 1 "$ROUNDS"); do
  for p in "$APP_PORT" "$NGINX_PORT" "$MVC_PORT"; do
    wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s tile-server/bench/terrain.lua "http://127.0.0.1:$p" > "$WORK/wrk-$p.txt"
    echo "round $r :$p $(rps "$p") req/s, p50 $(awk '$1 == "50%" { print $2 }' "$WORK/wrk-$p.txt"), p99 $(awk '$1 == "99%" { print $2 }' "$WORK/wrk-$p.txt") (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  FAST="$FAST $(awk -v a="$(rps "$APP_PORT")" -v b="$(rps "$NGINX_PORT")" 'BEGIN { printf "%.2f", a / b }')"
  MVC="$MVC $(awk -v a="$(rps "$MVC_PORT")" -v b="$(rps "$NGINX_PORT")" 'BEGIN { printf "%.2f", a / b }')"
done
median() { echo "$@" | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "ratio fast path (:$APP_PORT) / nginx per round:$FAST; median $(median $FAST)"
echo "ratio MVC path (:$MVC_PORT) / nginx per round:$MVC; median $(median $MVC)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
