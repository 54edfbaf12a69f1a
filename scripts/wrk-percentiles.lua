-- wrk reports p50/p75/p90/p99; the benchmarks need p95 too. Usage: wrk -s scripts/wrk-percentiles.lua ...
-- WRK_COOKIE (a logged-in session's "JSESSIONID=...", as a browser sends it) or WRK_AUTH (user:password, HTTP Basic,
-- which costs a BCrypt check on every request) authenticates; WRK_ACCEPT sets Accept. Every request must answer 2xx.
local cookie = os.getenv("WRK_COOKIE")
if cookie then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = os.getenv("WRK_ACCEPT") or "*/*"
local auth = os.getenv("WRK_AUTH")
if auth then
  local b = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  local encoded = ((auth:gsub('.', function(x)
    local r, byte = '', x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#auth % 3 + 1])
  wrk.headers["Authorization"] = "Basic " .. encoded
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("requests %d, non-2xx or failed %d; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
