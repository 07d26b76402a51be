-- wrk script: request the addresses in $BENCH_PATHS (one a line) in turn, send $BENCH_COOKIE, and print the
-- latency percentiles and error counts as one JSON line when done (wrk's own summary has no p95).
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local cookie = os.getenv("BENCH_COOKIE") or ""
-- One extra request header as "Name: value" (If-None-Match for the API's 304), or empty.
local header = os.getenv("BENCH_HEADER") or ""
local counter = 0

function init(args)
  -- Each thread starts at another place in the list, so clients do not ask for the same page at once.
  counter = math.random(#paths) - 1
end

function request()
  counter = counter + 1
  local path = paths[(counter - 1) % #paths + 1]
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = "sessionid=" .. cookie end
  if header ~= "" then
    local name, value = header:match("^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %f, "p50_us": %d, "p95_us": %d, "max_us": %d, ' ..
    '"non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
