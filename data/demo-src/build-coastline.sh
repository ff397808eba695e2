#!/usr/bin/env bash
# Regenerates data/src/main/resources/demo/xiangshan-land.geojson from GSHHG 2.3.7 full resolution.
# Needs: gmt + gmt-gshhg-full (Debian packages), JDK 21+, jts-core 1.20 in the local Maven repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/demo/xiangshan-land.geojson"
jts="${JTS_JAR:-$HOME/.m2/repository/org/locationtech/jts/jts-core/1.20.0/jts-core-1.20.0.jar}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
gmt coast -R121.55/122.25/28.85/29.75 -Df -W -M --FORMAT_FLOAT_OUT=%.9f > "$tmp/segments.txt"
mkdir -p "$(dirname "$out")"
java -cp "$jts" "$here/CoastlineBuilder.java" "$tmp/segments.txt" "$out"
ls -l "$out"
