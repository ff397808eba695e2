#!/usr/bin/env bash
# Side-by-side GetMap benchmark: Tidemark WMS (embedded Tomcat, WmsBenchServer) vs MapServer 8 under FastCGI
# (4 spawn-fcgi processes behind nginx), same data (BenchData: 3,000 flood zones, 600 cameras), same 100
# EPSG:3857 boxes, wrk 2 threads / 32 connections. Needs: mapserver-bin, spawn-fcgi, nginx-light, wrk, gdal-bin.
# Usage: [WARMUP_SECONDS=30] layers/bench/run.sh [seconds]   (from anywhere; JAVA_HOME must point to JDK 21+)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SECONDS_PER_RUN=${1:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}   # the JVM needs its JIT warm; MapServer is native
WORK=$(mktemp -d /tmp/tidemark-bench.XXXXXX)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -f "$WORK/fcgi.pids" ] && for p in $(cat "$WORK/fcgi.pids"); do kill "$p" 2>/dev/null || true; done
  sleep 1
  [ -f "$WORK/fcgi.pids" ] && for p in $(cat "$WORK/fcgi.pids"); do kill -9 "$p" 2>/dev/null || true; done
  return 0
}
trap cleanup EXIT

cd "$ROOT"
mvn -B -q -o -pl geo-core,layers package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="layers/target/test-classes:layers/target/classes:$(cat "$WORK/cp.txt")"
"$JAVA" -cp "$CP" org.tidemark.layers.wms.BenchData "$WORK/data"
ogr2ogr -f "ESRI Shapefile" "$WORK/data/flood_zones.shp" "$WORK/data/flood_zones.geojson"
ogr2ogr -f "ESRI Shapefile" "$WORK/data/cameras.shp" "$WORK/data/cameras.geojson"
shptree "$WORK/data/flood_zones.shp" >/dev/null
shptree "$WORK/data/cameras.shp" >/dev/null

sed "s#@DATA@#$WORK/data#g" "$HERE/mapserver/bench.map.in" > "$WORK/bench.map"
sed "s#@WORK@#$WORK#g" "$HERE/mapserver/mapserver.conf.in" > "$WORK/mapserver.conf"
sed "s#@WORK@#$WORK#g" "$HERE/nginx.conf.in" > "$WORK/nginx.conf"

"$JAVA" -Xmx1g -Djava.awt.headless=true -cp "$CP" org.tidemark.layers.wms.WmsBenchServer 18080 > "$WORK/tidemark.log" 2>&1 &
PIDS+=($!)
"$JAVA" -Xmx1g -Djava.awt.headless=true -Dbench.cache=false -cp "$CP" org.tidemark.layers.wms.WmsBenchServer 18082 \
  > "$WORK/tidemark-nocache.log" 2>&1 &
PIDS+=($!)
MAPSERVER_CONFIG_FILE="$WORK/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p 18090 -F 4 -P "$WORK/fcgi.pids" -- /usr/bin/mapserv
nginx -c "$WORK/nginx.conf" -p "$WORK"

Q="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=flood_zones,cameras&STYLES=,&CRS=EPSG:3857&BBOX=$(head -1 "$WORK/data/bboxes.txt")&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
for port in 18080 18082; do
  for i in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/wms?$Q" && break; sleep 1; done
done
curl -s -o "$WORK/tidemark.png" -w "tidemark: %{http_code} %{content_type}\n" "http://127.0.0.1:18080/wms?$Q"
curl -s -o "$WORK/mapserver.png" -w "mapserver: %{http_code} %{content_type}\n" "http://127.0.0.1:18081/mapserv?$Q"

run() { wrk -t2 -c32 -d"$2"s --latency -s "$HERE/getmap.lua" "$1" -- "$WORK/data/bboxes.txt" | grep RESULT; }
run "http://127.0.0.1:18082/wms" "$WARMUP_SECONDS" >/dev/null   # JIT warm-up
run "http://127.0.0.1:18080/wms" 3 >/dev/null
run "http://127.0.0.1:18081/mapserv" 3 >/dev/null
echo "tidemark-uncached $(run http://127.0.0.1:18082/wms "$SECONDS_PER_RUN")"
echo "tidemark-cached   $(run http://127.0.0.1:18080/wms "$SECONDS_PER_RUN")"
echo "mapserver         $(run http://127.0.0.1:18081/mapserv "$SECONDS_PER_RUN")"
echo "samples: $WORK/tidemark.png $WORK/mapserver.png"
