-- wrk script: each connection's requests walk a file of request paths (one per line), so the
-- server sees a rotating set of real queries rather than one cached one.
--   wrk -t1 -c16 -d10s -s bench/http/rotate.lua http://127.0.0.1:PORT -- PATHS_FILE
-- At the end it prints one JSON line (prefixed "RESULT ") with requests, errors and latency percentiles.

local paths = {}
local i = 0

function init(args)
  local file = args[1] or error("usage: wrk ... -s rotate.lua URL -- PATHS_FILE")
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Threads start at different places in the list.
  i = math.random(#paths) - 1
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"non_2xx_3xx":%d,"socket_errors":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
