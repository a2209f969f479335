-- The costliest valid requests, for wrk: in turns, a chat form post to /chat that carries ten
-- earlier messages of about 900 characters each in its `history` fields (the app answers every
-- one of them again, bench/chat.py measures one), and a search of about 190 characters
-- (at most 200 are allowed). Every request is different: misspelt words made from a counter (and
-- the wrk thread's number) get past every cache, the app's recent-search memory, its page cache
-- and nginx's, and send each word through the search index's spelling correction. No digits, so
-- the chat never takes its short way for a birth date or an age.
-- Prints one JSON line at the end like bench/mix.lua, with the errors also counted apart: answers
-- that are not 2xx/3xx (status_errors) and timeouts.

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }

local sentences = {
  "Jeg har haft ondt i ryggen og skuldrene i mange år og kan ikke længere klare mit arbejde som "
    .. "pædagogmedhjælper, og min læge siger at det ikke bliver bedre.",
  "Kommunen har sagt at jeg skal i arbejdsprøvning igen, men jeg har allerede prøvet fleksjob to "
    .. "gange uden at det lykkedes, og jeg er bange for at miste min sygedagpenge.",
  "Kan jeg søge seniorpension når jeg har arbejdet fuld tid som sosu-assistent siden jeg var ung, "
    .. "eller skal jeg vente på folkepension og tidlig pension først?",
  "Min mand og jeg vil gerne vide hvad vi får udbetalt, om det bliver modregnet i hans pension fra "
    .. "arbejdsmarkedet, og hvordan skat og boligstøtte hænger sammen.",
  "Jeg har boet i udlandet i nogle år og er usikker på om det betyder noget for hvor meget "
    .. "førtidspension eller folkepension jeg kan få, og hvem jeg skal kontakte.",
  "Hvad skal jeg skrive i min ansøgning, og hvordan klager jeg hvis kommunen siger nej, og hvor "
    .. "lang tid går der før jeg får svar på min sag fra Udbetaling Danmark?",
}

local letters = "abcdefghijklmnopqrstuvwxyz"
local stems = { "seniorpensjon", "fortidspenson", "folkepensjon", "arbejdsevn", "sygedagpeng",
  "fleksjobb", "ansogning", "tidligpensjon" }

local thread_number = 0
function setup(thread)
  thread:set("thread_id", thread_number)
  thread_number = thread_number + 1
end

-- A word no one has sent before: a stem and the counter written in letters.
local function word(n, k)
  local text, value = "", n * 32 + k
  repeat
    local digit = value % 26
    text = text .. letters:sub(digit + 1, digit + 1)
    value = math.floor(value / 26)
  until value == 0
  return stems[(n + k) % #stems + 1] .. text
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(char) return string.format("%%%02X", char:byte()) end))
end

-- About 900 characters of a citizen's message (at most 1,000 are allowed), different for every n.
local function message(n, turn)
  local parts, length, i = {}, 0, turn
  while length < 800 do
    local sentence = sentences[i % #sentences + 1] .. " " .. word(n, i) .. "."
    table.insert(parts, sentence)
    length = length + #sentence + 1
    i = i + 1
  end
  return table.concat(parts, " ")
end

local counter = 0
function request()
  counter = counter + 1
  local n = counter * 16 + (thread_id or 0)
  if counter % 2 == 1 then
    local fields = {}
    for turn = 1, 10 do
      table.insert(fields, "history=" .. encode(message(n, turn)))
    end
    table.insert(fields, 1, "message=" .. encode(message(n, 0)))
    return wrk.format("POST", "/chat", form, table.concat(fields, "&"))
  end
  local words = {}
  local text = ""
  local k = 0
  while #text < 180 do
    local pick = (k % 3 == 2) and word(n, k) or
      ({ "seniorpension", "betingelser", "førtidspension", "arbejdsevne", "ansøgning",
         "folkepensionsalder", "fleksjob", "tidlig", "pension", "kommunen" })[(n + k) % 10 + 1]
    table.insert(words, pick)
    text = table.concat(words, " ")
    k = k + 1
  end
  return wrk.format("GET", "/search?q=" .. encode(text))
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
