#!/usr/bin/env bash
# Cached terrain tiles over HTTP: the tile module on embedded Tomcat vs nginx serving the same gzip files,
# in the same run, with wrk. Usage: tile-server/bench/http-bench.sh [seconds] [connections]
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
CONNS=${2:-32}
WORK=$(mktemp -d)
APP_PORT=18480
NGINX_PORT=18481
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -q -o -pl tile-server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="tile-server/target/test-classes:tile-server/target/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/java" -Xmx1g -Djava.awt.headless=true -cp "$CP" org.tidemark.tiles.bench.TileHttpBenchServer \
    "$APP_PORT" "$WORK" > "$WORK/app.log" 2>&1 &
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
curl -s -o /dev/null -w "check app:   %{http_code} %{size_download} bytes\n" -H "Accept-Encoding: gzip" "http://127.0.0.1:$APP_PORT$(head -1 "$URLS")"
curl -s -o /dev/null -w "check nginx: %{http_code} %{size_download} bytes\n" "http://127.0.0.1:$NGINX_PORT$(head -1 "$URLS")"
# warm-up: let the JIT compile the request path (slow on a loaded machine), then warm nginx's page cache
wrk -t2 -c"$CONNS" -d30s -s tile-server/bench/terrain.lua "http://127.0.0.1:$APP_PORT" > /dev/null
wrk -t2 -c"$CONNS" -d5s -s tile-server/bench/terrain.lua "http://127.0.0.1:$NGINX_PORT" > /dev/null
echo "== tile-server (Tomcat, memory cache)"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s tile-server/bench/terrain.lua "http://127.0.0.1:$APP_PORT"
echo "== nginx (static files)"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s tile-server/bench/terrain.lua "http://127.0.0.1:$NGINX_PORT"
