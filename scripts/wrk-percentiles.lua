-- wrk reporter for the dashboard benchmark: p50 / p95 / p99 latency in ms, requests and non-2xx answers.
-- Usage: wrk ... -s scripts/wrk-percentiles.lua URL   (the session cookie comes from WRK_COOKIE)
local cookie = os.getenv("WRK_COOKIE")
if cookie then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = os.getenv("WRK_ACCEPT") or "*/*"

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s, errors %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
