-- wrk script: GetMap 256x256 PNG in EPSG:3857 of flood_zones + cameras, cycling over the bench boxes.
-- usage: wrk -t2 -c32 -d20s --latency -s getmap.lua http://host:port/path -- /path/to/bboxes.txt
local boxes = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do boxes[#boxes + 1] = line end
end

function request()
  counter = counter + 1
  local bbox = boxes[(counter % #boxes) + 1]
  local path = wrk.path .. "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=flood_zones,cameras&STYLES=,"
      .. "&CRS=EPSG:3857&BBOX=" .. bbox .. "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT maps_per_s=%.1f p50_ms=%.1f p99_ms=%.1f errors=%d non2xx=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status))
end
