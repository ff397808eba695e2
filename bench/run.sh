#!/usr/bin/env bash
# Side-by-side load benchmark, run by hand (never part of the build): Tidemark vs MapServer 8 (FastCGI behind
# nginx) on WMS GetMap and WFS GetFeature, and Tidemark's cached tiles vs nginx serving the same bytes from disk.
# Everything listens on 127.0.0.1 only, every wait is bounded, and every process started here is stopped on exit.
# Usage: bench/run.sh            (after `mvn -Dtidemark.frontend.skip=true -pl web-viewer -am package -DskipTests`)
# Settings (environment): JAR, DURATION (20s), WARMUP (5s), THREADS (2), CONNECTIONS (32, as issue #5 asks), MS_PROCS (4),
#                         ONLY (workloads to run, default "wms wmsunique wmspublic wfs png terrain"),
#                         TM_ARGS (extra application arguments, e.g. for an A/B of a setting),
#                         SAMPLES (directory for the checked GetMap images), TM_URL (use a running Tidemark instead of starting the jar), TM_PORT (18601), NGINX_PORT (18602), FCGI_PORT (18603), OUT (results file).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=${JAR:-$(ls "$ROOT"/web-viewer/target/web-viewer-*.jar 2>/dev/null | grep -v original | head -n1 || true)}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ONLY=${ONLY:-wms wmsunique wmspublic wfs png terrain}
wants() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }
MS_PROCS=${MS_PROCS:-4}
TM_PORT=${TM_PORT:-18601}
NGINX_PORT=${NGINX_PORT:-18602}
FCGI_PORT=${FCGI_PORT:-18603}
mkdir -p "$HERE/results"
OUT=${OUT:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ).txt}

missing=()
for tool in curl wrk nginx spawn-fcgi mapserv ogr2ogr awk; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]} (Debian: apt-get install -y wrk nginx-light spawn-fcgi mapserver-bin gdal-bin curl)" >&2
  exit 2
fi
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "no application jar; build web-viewer first (or set JAR)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/tidemark-bench.XXXXXX)
chmod 755 "$WORK"
TM_PID=""
# the FastCGI MapServer processes of this run: those whose environment names this run's config file
mapserv_pids() {
  local d
  for d in /proc/[0-9]*; do
    grep -qzx "MAPSERVER_CONFIG_FILE=$WORK/mapserver.conf" "$d/environ" 2>/dev/null && echo "${d#/proc/}"
  done
  return 0
}
cleanup() {
  set +e
  [ -n "$TM_PID" ] && kill "$TM_PID" 2>/dev/null
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for p in $(mapserv_pids); do kill "$p" 2>/dev/null; done
  for _ in $(seq 1 20); do [ -n "$TM_PID" ] && kill -0 "$TM_PID" 2>/dev/null || break; sleep 0.5; done
  [ -n "$TM_PID" ] && kill -9 "$TM_PID" 2>/dev/null
  # mapserv under FastCGI only notices SIGTERM after its next request
  for p in $(mapserv_pids); do kill -9 "$p" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT"; }
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

# ---- Tidemark ----
TM=${TM_URL:-http://127.0.0.1:$TM_PORT}
log "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo); load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${TM_URL:-}" ]; then
  log "starting Tidemark ($JAR) on $TM"
  "$JAVA" -Xmx768m -jar "$JAR" --server.address=127.0.0.1 --server.port="$TM_PORT" --tidemark.data-dir="$WORK/data" \
    --tidemark.demo.feed=false --tidemark.db.url= --logging.level.root=WARN ${TM_ARGS:-} >"$WORK/tidemark.log" 2>&1 &
  TM_PID=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$TM/ogc" && break
    kill -0 "$TM_PID" 2>/dev/null || { tail -n 30 "$WORK/tidemark.log"; exit 1; }
    sleep 2
  done
else
  log "using the Tidemark already running at $TM (TM_URL)"
fi
curl -sf -o /dev/null "$TM/ogc" || { echo "Tidemark not answering at $TM" >&2; exit 1; }
TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"user":"commander","password":"commander"}' "$TM/api/auth/login" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "login failed" >&2; exit 1; }
AUTH="Authorization: Bearer $TOKEN"

# ---- the same data for MapServer: exported from Tidemark's OGC API ----
log "exporting flood_zones, police_cameras, land, roads from $TM/ogc to GeoPackage"
ogr2ogr --config GDAL_HTTP_HEADERS "$AUTH" -f GPKG "$WORK/demo.gpkg" "OAPIF:$TM/ogc" flood_zones police_cameras land roads
ogr2ogr -f CSV -lco GEOMETRY=AS_XY "$WORK/cameras.csv" "$WORK/demo.gpkg" police_cameras
sed -e "s#@GPKG@#$WORK/demo.gpkg#g" -e "s#@URL@#http://127.0.0.1:$NGINX_PORT/ms?#g" "$HERE/lib/bench.map.in" >"$WORK/bench.map"
printf 'CONFIG\n  ENV\n    MS_MAPFILE "%s"\n  END\nEND\n' "$WORK/bench.map" >"$WORK/mapserver.conf"
MAPSERVER_CONFIG_FILE="$WORK/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p "$FCGI_PORT" -F "$MS_PROCS" -- "$(command -v mapserv)" >/dev/null
mkdir -p "$WORK/nginx-tmp" "$WORK/static"
sed -e "s#@WORK@#$WORK#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" -e "s#@FCGI_PORT@#$FCGI_PORT#g" "$HERE/lib/nginx.conf.in" >"$WORK/nginx.conf"
nginx -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf" &
for _ in $(seq 1 50); do [ -f "$WORK/nginx.pid" ] && break; sleep 0.2; done
MS=http://127.0.0.1:$NGINX_PORT/ms
for _ in $(seq 1 20); do
  curl -s "$MS?SERVICE=WMS&REQUEST=GetCapabilities" >"$WORK/ms-caps.xml" 2>&1 && grep -q WMS_Capabilities "$WORK/ms-caps.xml" && break
  sleep 0.5
done
grep -q WMS_Capabilities "$WORK/ms-caps.xml" || { echo "MapServer not answering:"; head -c 2000 "$WORK/ms-caps.xml"; cat "$WORK/nginx-error.log"; exit 1; }
log "MapServer $(mapserv -v | cut -d' ' -f3) with $MS_PROCS FastCGI processes behind nginx $(nginx -v 2>&1 | cut -d/ -f2)"

# ---- request lists ----
# 100 GetMap boxes in EPSG:3857 inside the county (x 13525318–13614374, y 3350215–3477868), 2–40 km wide
awk 'BEGIN { srand(42); for (i = 0; i < 100; i++) { w = 2000 + rand() * 38000; x = 13525318 + rand() * (89056 - w); y = 3350215 + rand() * (127653 - w);
  printf "%.0f,%.0f,%.0f,%.0f\n", x, y, x + w, y + w } }' >"$WORK/bboxes3857"
MAP_Q='SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=flood_zones,police_cameras&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE'
prefix() { awk -v p="$1" -v s="${2:-}" '{ print p $0 s }'; }
prefix "/wms?$MAP_Q&BBOX=" <"$WORK/bboxes3857" >"$WORK/tm-wms.txt"
prefix "/ms?$MAP_Q&BBOX=" <"$WORK/bboxes3857" >"$WORK/ms-wms.txt"
# 20,000 distinct boxes, same layers: every request is rendered (Tidemark's GetMap response cache cannot hit)
awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) { w = 2000 + rand() * 38000; x = 13525318 + rand() * (89056 - w); y = 3350215 + rand() * (127653 - w);
  printf "%.1f,%.1f,%.1f,%.1f\n", x, y, x + w, y + w } }' >"$WORK/bboxes3857-unique"
prefix "/wms?$MAP_Q&BBOX=" <"$WORK/bboxes3857-unique" >"$WORK/tm-wms-unique.txt"
prefix "/ms?$MAP_Q&BBOX=" <"$WORK/bboxes3857-unique" >"$WORK/ms-wms-unique.txt"
# the same boxes on two public layers, anonymous (no access decisions involved)
prefix "/wms?${MAP_Q/flood_zones,police_cameras/land,roads}&BBOX=" <"$WORK/bboxes3857" >"$WORK/tm-wms-public.txt"
prefix "/ms?${MAP_Q/flood_zones,police_cameras/land,roads}&BBOX=" <"$WORK/bboxes3857" >"$WORK/ms-wms-public.txt"
# 50 WFS boxes around cameras, each just large enough to hold the camera's 50 nearest neighbours (Chebyshev distance)
awk -F, 'NR > 1 { x[n] = $1; y[n] = $2; n++ } END {
  for (i = 0; i < n && k < 50; i += int(n / 50)) { m = 0
    for (j = 0; j < n; j++) { dx = x[j] - x[i]; dy = y[j] - y[i]; d[m++] = (dx < 0 ? -dx : dx) > (dy < 0 ? -dy : dy) ? (dx < 0 ? -dx : dx) : (dy < 0 ? -dy : dy) }
    for (a = 1; a < m; a++) { v = d[a]; for (b = a - 1; b >= 0 && d[b] > v; b--) d[b + 1] = d[b]; d[b + 1] = v }
    r = d[49] + 1e-6; k++
    printf "%.7f,%.7f,%.7f,%.7f\n", y[i] - r, x[i] - r, y[i] + r, x[i] + r } }' "$WORK/cameras.csv" >"$WORK/bboxes-cameras"
WFS_Q='SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras&OUTPUTFORMAT=application/json'
prefix "/wfs?$WFS_Q&BBOX=" ",urn:ogc:def:crs:EPSG::4326" <"$WORK/bboxes-cameras" >"$WORK/tm-wfs.txt"
prefix "/ms?$WFS_Q&BBOX=" ",urn:ogc:def:crs:EPSG::4326" <"$WORK/bboxes-cameras" >"$WORK/ms-wfs.txt"

# equivalence checks before any load: same status, same content type, same feature counts
check_png() { # url name
  local out
  out=$(curl -s -H "$AUTH" -o "$WORK/check.png" -w '%{http_code} %{content_type}' "$1")
  case "$out" in "200 image/png"*) ;; *) echo "GetMap check failed for $1: $out" >&2; exit 1 ;; esac
  [ -n "${SAMPLES:-}" ] && mkdir -p "$SAMPLES" && cp "$WORK/check.png" "$SAMPLES/$2.png"
  return 0
}
for list in wms wms-public; do
  check_png "$TM$(sed -n 5p "$WORK/tm-$list.txt")" "tidemark-$list"
  check_png "http://127.0.0.1:$NGINX_PORT$(sed -n 5p "$WORK/ms-$list.txt")" "mapserver-$list"
done
count() { curl -s -H "$AUTH" "$1" | grep -o '"type": *"Feature"' | wc -l; }
tm_n=0; ms_n=0
for i in 1 2 3; do
  tm_n=$((tm_n + $(count "$TM$(sed -n "${i}p" "$WORK/tm-wfs.txt")")))
  ms_n=$((ms_n + $(count "http://127.0.0.1:$NGINX_PORT$(sed -n "${i}p" "$WORK/ms-wfs.txt")")))
done
log "WFS check, features in the first 3 boxes: Tidemark $tm_n, MapServer $ms_n"

# tiles: ~100 cached basemap PNG tiles (WebMercatorQuad z11–13) and ~100 terrain tiles (z9–12), fetched once through
# Tidemark (this fills its cache) and written to disk for nginx
awk 'function tx(lon, z) { return int((lon + 180) / 360 * 2 ^ z) }
     function ty(lat, z,  r) { r = lat * 3.141592653589793 / 180; return int((1 - log((sin(r) + 1) / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
     BEGIN { for (z = 11; z <= 13; z++) for (x = tx(121.55, z); x <= tx(122.2, z); x++) for (y = ty(29.7, z); y <= ty(28.9, z); y++) print z "/" x "/" y }' \
  | awk 'NR % 4 == 1 && ++k <= 100' | sed 's#^\([0-9]*\)/\([0-9]*\)/\([0-9]*\)$#/tiles/basemap/WebMercatorQuad/\1/\2/\3.png#' >"$WORK/tm-png.txt"
awk 'BEGIN { for (z = 9; z <= 12; z++) { n = 2 ^ z; for (x = int((121.55 + 180) / 360 * 2 * n); x <= int((122.2 + 180) / 360 * 2 * n); x++)
       for (y = int((28.9 + 90) / 180 * n); y <= int((29.7 + 90) / 180 * n); y++) print "/tiles/terrain/" z "/" x "/" y ".terrain" } }' \
  | awk 'NR % 2 == 1 && ++k <= 100' >"$WORK/tm-terrain.txt"
for list in tm-png tm-terrain; do
  wants "${list#tm-}" || continue
  : >"$WORK/${list/tm-/static-}.txt"
  while read -r path; do
    file="$WORK/static${path}"
    mkdir -p "$(dirname "$file")"
    code=$(curl -s -o "$file" -w '%{http_code}' "$TM$path")
    if [ "$code" = 200 ]; then echo "/static$path" >>"$WORK/${list/tm-/static-}.txt"; else rm -f "$file"; fi
  done <"$WORK/$list.txt"
  # keep only the tiles both sides have
  sed 's#^/static##' "$WORK/${list/tm-/static-}.txt" >"$WORK/$list.txt"
  log "$list: $(wc -l <"$WORK/$list.txt") tiles cached, $(du -sk "$WORK/static" | cut -f1) KB on disk so far"
done

# ---- load ----
declare -A RESULT
run() { # name base list [header]
  local name=$1 base=$2 list=$3 header=${4:-X-Bench: 1} line
  # warm up on the list in reverse order, so the distinct-box run does not replay the warm-up's boxes
  tac "$WORK/$list" >"$WORK/warmup.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -H "$header" -s "$HERE/lib/paths.lua" "$base" -- "$WORK/warmup.txt" >/dev/null
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -H "$header" -s "$HERE/lib/paths.lua" "$base" -- "$WORK/$list" | grep '^RESULT')
  RESULT[$name]=$line
  log "$name: ${line#RESULT } (load $(cut -d' ' -f1 /proc/loadavg))"
}
log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up each), loopback"
# flood zones and cameras are not public: Tidemark gets the commander's token (MapServer ignores the header)
for pair in "wms mapserver ms tm-wms.txt ms-wms.txt auth" "wmsunique mapserver ms tm-wms-unique.txt ms-wms-unique.txt auth" \
            "wmspublic mapserver ms tm-wms-public.txt ms-wms-public.txt anon" "wfs mapserver ms tm-wfs.txt ms-wfs.txt auth" \
            "png nginx static tm-png.txt static-png.txt anon" "terrain nginx static tm-terrain.txt static-terrain.txt anon"; do
  set -- $pair
  wants "$1" || continue
  # flood zones and cameras are not public: Tidemark gets the commander's token (MapServer ignores the header);
  # tiles anonymously, like the warm-up fetch (Tidemark caches imagery per access view)
  if [ "$6" = auth ]; then
    run "tidemark-$1" "$TM" "$4" "$AUTH"
    run "$2-$1" "http://127.0.0.1:$NGINX_PORT" "$5" "$AUTH"
  else
    run "tidemark-$1" "$TM" "$4"
    run "$2-$1" "http://127.0.0.1:$NGINX_PORT" "$5"
  fi
done

rps() { echo "${RESULT[$1]}" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p'; }
for pair in "wms mapserver" "wmsunique mapserver" "wmspublic mapserver" "wfs mapserver" "png nginx" "terrain nginx"; do
  set -- $pair
  wants "$1" || continue
  log "ratio $1 Tidemark/$2: $(awk -v a="$(rps "tidemark-$1")" -v b="$(rps "$2-$1")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
done
log "load after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
