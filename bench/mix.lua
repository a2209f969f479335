-- A mix of what citizens do, for wrk: pages, answers, search, questionnaire steps and the chat API.
-- Prints one JSON line at the end with throughput, latency percentiles and errors.
local requests = {}
local form = "application/x-www-form-urlencoded"

local function add(method, path, body, content_type)
  local headers = {}
  if content_type then headers["Content-Type"] = content_type end
  table.insert(requests, wrk.format(method, path, headers, body))
end

function init(args)
  local mode = args[1] or "mix"
  if mode == "answer" then
    add("GET", "/faq/folkepensionsalder")
    return
  end
  add("GET", "/")
  add("GET", "/faq/folkepensionsalder")
  add("GET", "/faq/seniorpension-betingelser")
  add("GET", "/en/faq/tidlig-pension")
  add("GET", "/faq/foertidspension-to-veje")
  add("GET", "/kategori/seniorpension")
  add("GET", "/a-z")
  add("GET", "/search?q=fortidspension+betingelser")
  add("GET", "/search?q=seniorpenison")
  add("GET", "/api/v1/search?q=arne+pension&limit=5")
  add("GET", "/tjek")
  add("POST", "/tjek", "action=answer&question=birth_date&birth_day=3&birth_month=5&birth_year=1966", form)
  add("POST", "/tjek", "a_birth_date=1966-05-03&a_receives=none&a_residence=yes&a_self_supporting=no"
      .. "&a_work_years=30&a_weekly_hours=10&action=result", form)
  add("POST", "/api/v1/chat", '{"message": "Kan jeg få seniorpension når min ryg er slidt op?", "lang": "da"}',
      "application/json")
  add("GET", "/faq/hvad-er-seniorpension")
  add("GET", "/en/faq/folkepensionsalder")
end

local counter = 0
function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function done(summary, latency, requests_done)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.2f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "errors": %d, "status_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, failed,
    errors.status, errors.timeout))
end
