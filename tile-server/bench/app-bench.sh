#!/usr/bin/env bash
# Cached tiles from the whole application (every servlet filter: principal, audit, metrics; the tile fast path)
# against nginx serving the same bytes as static files, in the same run, with wrk. The tile part of bench/run.sh
# without MapServer. Everything listens on 127.0.0.1 and is stopped on exit.
# Usage: tile-server/bench/app-bench.sh   (after `mvn -Dtidemark.frontend.skip=true -pl web-viewer -am package -DskipTests`)
# Environment: JAR, DURATION (10s), ROUNDS (3), WARMUP (10s), THREADS (2), CONNECTIONS (32), TM_PORT (18183), NGINX_PORT (18184),
#              JAVA_OPTS (e.g. a JFR recording).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$(ls "$ROOT"/web-viewer/target/web-viewer-*.jar 2>/dev/null | grep -v original | head -n1 || true)}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
TM_PORT=${TM_PORT:-18183}
NGINX_PORT=${NGINX_PORT:-18184}
PATHS_LUA="$ROOT/bench/lib/paths.lua"
CESIUM_ACCEPT='Accept: application/vnd.quantized-mesh;extensions=octvertexnormals-watermask,application/octet-stream;q=0.9,*/*;q=0.01'
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "no application jar; build web-viewer first (or set JAR)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/tidemark-tile-bench.XXXXXX)
chmod 755 "$WORK"
TM_PID=""
cleanup() {
  set +e
  [ -n "$TM_PID" ] && kill "$TM_PID" 2>/dev/null
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for _ in $(seq 1 40); do [ -n "$TM_PID" ] && kill -0 "$TM_PID" 2>/dev/null || break; sleep 0.5; done
  [ -n "$TM_PID" ] && kill -9 "$TM_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

TM=http://127.0.0.1:$TM_PORT
log "machine: $(nproc) cores; load before start: $(cut -d' ' -f1-3 /proc/loadavg); starting $(basename "$JAR") on $TM"
# shellcheck disable=SC2086
"$JAVA" -Xmx768m ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$TM_PORT" --tidemark.data-dir="$WORK/data" \
  --tidemark.demo.feed=false --tidemark.db.url= --logging.level.root=WARN >"$WORK/tidemark.log" 2>&1 &
TM_PID=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "$TM/ogc" && break
  kill -0 "$TM_PID" 2>/dev/null || { tail -n 30 "$WORK/tidemark.log"; exit 1; }
  sleep 2
done
curl -sf -o /dev/null "$TM/ogc" || { echo "Tidemark not answering at $TM" >&2; exit 1; }

# the tiles of bench/run.sh: ~100 basemap PNG tiles (WebMercatorQuad z11-13) and ~100 terrain tiles (z9-12), each fetched
# once through Tidemark (filling its cache) and written to disk for nginx; terrain also as Cesium asks (gzip, extensions)
awk 'function tx(lon, z) { return int((lon + 180) / 360 * 2 ^ z) }
     function ty(lat, z,  r) { r = lat * 3.141592653589793 / 180; return int((1 - log((sin(r) + 1) / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
     BEGIN { for (z = 11; z <= 13; z++) for (x = tx(121.55, z); x <= tx(122.2, z); x++) for (y = ty(29.7, z); y <= ty(28.9, z); y++) print z "/" x "/" y }' \
  | awk 'NR % 4 == 1 && ++k <= 100' | sed 's#^\([0-9]*\)/\([0-9]*\)/\([0-9]*\)$#/tiles/basemap/WebMercatorQuad/\1/\2/\3.png#' >"$WORK/tm-png.txt"
awk 'BEGIN { for (z = 9; z <= 12; z++) { n = 2 ^ z; for (x = int((121.55 + 180) / 360 * 2 * n); x <= int((122.2 + 180) / 360 * 2 * n); x++)
       for (y = int((28.9 + 90) / 180 * n); y <= int((29.7 + 90) / 180 * n); y++) print "/tiles/terrain/" z "/" x "/" y ".terrain" } }' \
  | awk 'NR % 2 == 1 && ++k <= 100' >"$WORK/tm-terrain.txt"
cp "$WORK/tm-terrain.txt" "$WORK/tm-cesium.txt"
fetch() { # list static-dir [curl header args...]
  local list=$1 dir=$2 path file code
  shift 2
  : >"$WORK/static-$dir.txt"
  while read -r path; do
    file="$WORK/$dir$path"
    mkdir -p "$(dirname "$file")"
    code=$(curl -s "$@" -o "$file" -w '%{http_code}' "$TM$path")
    if [ "$code" = 200 ]; then echo "/$dir$path" >>"$WORK/static-$dir.txt"; else rm -f "$file"; fi
  done <"$WORK/$list.txt"
  sed "s#^/$dir##" "$WORK/static-$dir.txt" >"$WORK/$list.txt" # keep only the tiles both sides have
  log "$list: $(wc -l <"$WORK/$list.txt") tiles cached"
}
fetch tm-png png
fetch tm-terrain terrain
fetch tm-cesium cesium -H "$CESIUM_ACCEPT" -H "Accept-Encoding: gzip"

mkdir -p "$WORK/nginx-tmp"
cat >"$WORK/nginx.conf" <<NGINX
daemon off;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp/body;
  fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
  proxy_temp_path $WORK/nginx-tmp/proxy;
  uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
  scgi_temp_path $WORK/nginx-tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { image/png png; application/vnd.quantized-mesh terrain; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /png/ { root $WORK; }
    location /terrain/ { root $WORK; }
    location /cesium/ { root $WORK; add_header Content-Encoding gzip; add_header Access-Control-Allow-Origin *; }
  }
}
NGINX
chmod -R a+rX "$WORK"
nginx -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf" &
for _ in $(seq 1 50); do [ -f "$WORK/nginx.pid" ] && break; sleep 0.2; done

# Tidemark and nginx take turns (ROUNDS rounds of DURATION each, after one warm-up each), so that the load the
# other engineers put on the machine meanwhile hits both sides alike; each round gives a ratio, and the median is reported.
run() { # name base list [wrk header args...]
  local name=$1 base=$2 list=$3 line
  shift 3
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s "$@" -s "$PATHS_LUA" "$base" -- "$WORK/$list" | grep '^RESULT')
  log "$name: ${line#RESULT } (load $(cut -d' ' -f1 /proc/loadavg))"
  LAST=$(echo "$line" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
}
workload() { # name [wrk header args...]
  local w=$1 r ratios="" tm
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$@" -s "$PATHS_LUA" "$TM" -- "$WORK/tm-$w.txt" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$@" -s "$PATHS_LUA" "$NG" -- "$WORK/static-$w.txt" >/dev/null
  for r in $(seq 1 "$ROUNDS"); do
    run "tidemark-$w #$r" "$TM" "tm-$w.txt" "$@"; tm=$LAST
    run "nginx-$w #$r" "$NG" "static-$w.txt" "$@"
    ratios="$ratios $(awk -v a="$tm" -v b="$LAST" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  done
  log "ratio $w Tidemark/nginx per round:$ratios; median $(echo $ratios | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
}
NG=http://127.0.0.1:$NGINX_PORT
log "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of $DURATION per side (after a $WARMUP warm-up each), loopback, anonymous like a public basemap viewer"
workload png -H "X-Bench: 1"
workload terrain -H "X-Bench: 1"
workload cesium -H "$CESIUM_ACCEPT" -H "Accept-Encoding: gzip"
log "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
