-- wrk script: chat visitors posting messages. Each connection cycles through the visitor tokens in
-- $TOKENS_FILE. With RATE and CONNECTIONS set, each connection pauses between requests so the whole
-- run offers about RATE messages/s; without them wrk sends as fast as answers come back.
local tokens = {}
local counter = 0
local pause = 0
local texts = {
  "Hola, mi pedido #%d no ha llegado todavía, ¿me podéis decir algo?",
  "¿Cuánto cuesta el envío a Canarias para el pedido %d?",
  "El producto del pedido %d llegó roto, quiero una solución ya",
  "Gracias por todo, el pedido %d llegó perfecto y antes de tiempo",
  "Hi, I ordered %d last week and it is still not shipped, any news?",
  "Can I pay order %d with PayPal instead of card?",
}

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  counter = math.random(1, #tokens)
  local rate = tonumber(os.getenv("RATE") or "0")
  local connections = tonumber(os.getenv("CONNECTIONS") or "1")
  if rate > 0 then pause = math.floor(1000 * connections / rate) end
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local text = string.format(texts[(counter % #texts) + 1], counter)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, '{"text":"' .. text .. '"}')
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d errors=%d p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
