-- wrk script: cycles through the tile paths in $URLS, asking as CesiumJS does.
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {
    ["Accept"] = "application/vnd.quantized-mesh;extensions=octvertexnormals-watermask,application/octet-stream;q=0.9,*/*;q=0.01",
    ["Accept-Encoding"] = "gzip"
  })
end
