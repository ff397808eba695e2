#!/usr/bin/env bash
# Drives real clients against a running Tidemark server: GDAL/OGR (WFS and OAPIF drivers) and OWSLib
# (WebFeatureService 2.0.0 and 1.1.0, OGC API Features). Exits non-zero on the first failed check.
#
#   layers/cite/client-interop.sh [BASE_URL]      # BASE_URL defaults to http://127.0.0.1:8080
#
# OWSLib and the GDAL Python bindings import only under /usr/bin/python3 on these machines.
set -euo pipefail
BASE="${1:-http://127.0.0.1:8080}"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== GDAL WFS driver"
out="$(ogrinfo -ro -so "WFS:$BASE/wfs" 2>&1)" || fail "ogrinfo WFS: $out"
echo "$out" | grep -q "tm:roads" || fail "WFS layer list lacks tm:roads"
feat="$(ogrinfo -ro "WFS:$BASE/wfs" tm:roads -where "name='S214'" 2>&1)" || fail "ogrinfo WFS features"
echo "$feat" | grep -q "121.8 29.4" || fail "WFS geometry not lon/lat after axis handling: $feat"

echo "== GDAL OAPIF driver"
out="$(ogrinfo -ro "OAPIF:$BASE/ogc" 2>&1)" || fail "ogrinfo OAPIF: $out"
echo "$out" | grep -q "roads" || fail "OAPIF collection list lacks roads"
feat="$(ogrinfo -ro "OAPIF:$BASE/ogc" roads 2>&1)" || fail "ogrinfo OAPIF features"
echo "$feat" | grep -q "LINESTRING (121.8 29.4" || fail "OAPIF geometry: $feat"

echo "== OWSLib"
/usr/bin/python3 - "$BASE" <<'PY'
import sys
from owslib.wfs import WebFeatureService
from owslib.ogcapi.features import Features
base = sys.argv[1]
for v in ("2.0.0", "1.1.0"):
    wfs = WebFeatureService(base + "/wfs", version=v)
    assert "tm:roads" in wfs.contents, (v, list(wfs.contents))
    data = wfs.getfeature(typename=["tm:roads"], maxfeatures=2).read()
    assert b"roads.r1" in data, data[:300]
    schema = wfs.get_schema("tm:roads")
    assert "name" in schema["properties"], schema
    print("WFS", v, "ok:", len(wfs.contents), "types")
api = Features(base + "/ogc")
ids = [c["id"] for c in api.collections()["collections"]]
assert "roads" in ids, ids
items = api.collection_items("roads", limit=2)
assert items["numberMatched"] >= 2 and len(items["features"]) == 2, items
assert "name" in api.collection_queryables("roads")["properties"]
print("OGC API Features ok:", len(ids), "collections")
PY
echo "all client checks passed"
