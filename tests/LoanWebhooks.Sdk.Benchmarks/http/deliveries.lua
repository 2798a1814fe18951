-- wrk script: POSTs the bodies of a file (one per line) in turn, each once before any repeats; threads take
-- interleaved turns so no two send the same body. Arguments after "--": FILE HEADER VALUE LIMIT THREADS
-- (HEADER "" for none; LIMIT > 0: each thread stops after that many responses, for the smoke run; THREADS: wrk's -t).
-- Prints one RESULT line at the end; status_errors counts responses with a status of 400 or more (wrk's count).
local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local file, header, value = args[1], args[2], args[3]
  limit = tonumber(args[4] or "0") or 0
  local headers = { ["Content-Type"] = "application/json" }
  if header and header ~= "" then headers[header] = value end
  requests = {}
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    requests[n] = wrk.format("POST", nil, headers, line)
  end
  count = n
  if count == 0 then error("no bodies in " .. file) end
  step = tonumber(args[5] or "1") or 1
  position = index
  responses = 0
end

function request()
  local r = requests[(position % count) + 1]
  position = position + step
  return r
end

function response(status, headers, body)
  responses = responses + 1
  if limit > 0 and responses >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests_)
  local seconds = summary.duration / 1e6
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.0f p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency.max, non2xx, socket))
end
