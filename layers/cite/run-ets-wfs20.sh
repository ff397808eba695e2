#!/usr/bin/env bash
# Runs the OGC CITE WFS 2.0 suite (org.opengis.cite:ets-wfs20:1.25, classifier aio) offline against a running
# Tidemark server and fails when any test fails. See shared/notes/cite.md for the background.
#
#   layers/cite/run-ets-wfs20.sh [CAPABILITIES_URL] [OUTPUT_DIR]
#   layers/cite/run-ets-wfs20.sh --self [OUTPUT_DIR]     # starts the layers test server (in-memory data) itself
#
# CAPABILITIES_URL defaults to http://127.0.0.1:8080/wfs?service=WFS&request=GetCapabilities.
# Needs JAVA_HOME (Temurin 25 has lib/src.zip), mvn and python3. Prints total/passed/failed/skipped.
# CITE_API_KEY=<key>: the suite calls as the system with that API key (e.g. a steward, so Transactional runs);
# give a non-loopback server address then (Java never proxies loopback requests).
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"

SELF=false
URL="http://127.0.0.1:8080/wfs?service=WFS&request=GetCapabilities"
if [ "${1:-}" = "--self" ]; then
  SELF=true
  OUT_ARG="${2:-/tmp/tidemark-cite}"
else
  URL="${1:-$URL}"
  OUT_ARG="${2:-/tmp/tidemark-cite}"
fi
OUT="$(mkdir -p "$OUT_ARG" && cd "$OUT_ARG" && pwd)"
WORK="$OUT/work"
mkdir -p "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# 1. The suite and the JAXB 2.3 runtime it needs on Java 17+ (ordinary Maven client, local repository).
ETS="$REPO/org/opengis/cite/ets-wfs20/1.25/ets-wfs20-1.25-aio.jar"
[ -f "$ETS" ] || mvn -B -q dependency:get -Dartifact=org.opengis.cite:ets-wfs20:1.25:jar:aio -Dtransitive=false
cat > "$WORK/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>cite-jaxb</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>javax.xml.bind</groupId><artifactId>jaxb-api</artifactId><version>2.3.1</version></dependency>
    <dependency><groupId>org.glassfish.jaxb</groupId><artifactId>jaxb-runtime</artifactId><version>2.3.9</version></dependency>
  </dependencies></project>
POM
(cd "$WORK" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=jaxb.cp >/dev/null)
JAXB_CP="$(cat "$WORK/jaxb.cp")"

# 2. Java 9+ ServiceRegistry rejects the non-ImageIO service categories the suite registers: patch a copy of
#    the running JDK's own class (from its src.zip) with that check relaxed. Nothing from the JDK is stored.
PATCH="$WORK/patch"
if [ ! -f "$PATCH/javax/imageio/spi/ServiceRegistry.class" ]; then
  mkdir -p "$WORK/src/javax/imageio/spi" "$PATCH"
  unzip -p "$JAVA_HOME/lib/src.zip" java.desktop/javax/imageio/spi/ServiceRegistry.java > "$WORK/src/javax/imageio/spi/ServiceRegistry.java"
  python3 - "$WORK/src/javax/imageio/spi/ServiceRegistry.java" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s, n = re.subn(r'(private static void checkClassAllowed\(Class<\?> clazz\) \{)', r'\1 if (clazz != null) return;', s)
assert n == 1, "checkClassAllowed not found"
# ServiceLoader called from java.desktop needs a `uses` for the (foreign) service type: add it at run time.
s, m = re.subn(r'return ServiceLoader\.load\(providerClass', r'ServiceRegistry.class.getModule().addUses(providerClass); return ServiceLoader.load(providerClass', s)
assert m >= 1, "lookupProviders not found"
open(p, "w", encoding="utf-8").write(s)
PY
  "$JAVA_HOME/bin/javac" --patch-module java.desktop="$WORK/src" -d "$PATCH" "$WORK/src/javax/imageio/spi/ServiceRegistry.java"
fi

# 3. A loopback proxy answering schema URLs from the jar (schemas.opengis.net is unreachable here).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PROXY_PORT=${PROXY_PORT:-$(free_port)}
# CITE_API_KEY: the suite calls as that system (through the proxy, which adds X-API-Key), e.g. a steward that may write
NON_PROXY="localhost|127.*"
[ -n "${CITE_API_KEY:-}" ] && NON_PROXY="none.invalid"
python3 "$HERE/schema-proxy.py" "$ETS" "$PROXY_PORT" ${CITE_API_KEY:-} 2> "$OUT/schema-proxy.log" &
PIDS+=($!)

# 4. Optionally our own test server (layers module over in-memory data).
if $SELF; then
  PORT=${PORT:-$(free_port)}
  (cd "$ROOT" && mvn -B -q -o -pl layers -am test-compile dependency:build-classpath \
     -Dmdep.outputFile="$WORK/layers.cp" -Dmdep.includeScope=test >/dev/null)
  CP="$ROOT/layers/target/test-classes:$ROOT/layers/target/classes:$ROOT/geo-core/target/classes:$(cat "$WORK/layers.cp")"
  "$JAVA" -Xmx512m -Dtidemark.cite.writable="${CITE_WRITABLE:-false}" -cp "$CP" org.tidemark.layers.cite.CiteServer "$PORT" > "$OUT/server.log" 2>&1 &
  PIDS+=($!)
  URL="http://127.0.0.1:$PORT/wfs?service=WFS&request=GetCapabilities"
  for _ in $(seq 1 120); do
    curl -sf "$URL" -o /dev/null && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "test server did not start; see $OUT/server.log" >&2; exit 2; }
    sleep 1
  done
fi
curl -sf "$URL" -o "$OUT/capabilities.xml" || { echo "server not reachable: $URL" >&2; exit 2; }

# 5. Run the suite from a scratch directory (it writes derby.log), then count the results.
ESC_URL="${URL//&/&amp;}"
cat > "$WORK/props.xml" <<PROPS
<?xml version="1.0" encoding="UTF-8"?>
<properties><entry key="wfs">$ESC_URL</entry></properties>
PROPS
rm -rf "$OUT/testng"
(cd "$WORK" && "$JAVA" -Xmx1g --patch-module java.desktop="$PATCH" \
   -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort="$PROXY_PORT" -Dhttp.nonProxyHosts="$NON_PROXY" \
   -cp "$ETS:$JAXB_CP" org.opengis.cite.iso19142.TestNGController -o "$OUT" "$WORK/props.xml" > "$OUT/ets.log" 2>&1) || true
RESULTS="$(find "$OUT" -name testng-results.xml | head -n1)"
[ -n "$RESULTS" ] || { echo "no testng-results.xml; see $OUT/ets.log" >&2; exit 2; }
python3 - "$RESULTS" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
a = root.attrib
print("ets-wfs20 1.25: total=%s passed=%s failed=%s skipped=%s" % (a.get("total"), a.get("passed"), a.get("failed"), a.get("skipped")))
for t in root.iter("test-method"):
    if t.get("status") == "FAIL":
        msg = t.find("exception/message")
        text = (msg.text or "").strip().replace("\n", " ")[:300] if msg is not None else ""
        print("FAIL %s: %s" % (t.get("name"), text))
sys.exit(1 if int(a.get("failed", "0")) > 0 else 0)
PY
