-- wrk script: POSTs an OpenAI transcription form (a 'file' part of BENCH_BYTES bytes and a 'model' field) and, at
-- the end, prints one machine-readable line that bench/run.sh reads:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B errors=E (connect/read/write/timeout/status>=400)
-- Environment: BENCH_BYTES (size of the file part), BENCH_MODEL (model field), BENCH_PATH, BENCH_KEY.

local bytes = tonumber(os.getenv("BENCH_BYTES") or "102400")
local model = os.getenv("BENCH_MODEL") or "bench-instant"
local key = os.getenv("BENCH_KEY") or "sk-bench"
local boundary = "----voxgate-bench-7MA4YWxkTrZu0gW"

-- Not all zeros: a WAV header followed by a repeating ramp, so nothing along the way can shortcut it.
local header = "RIFF\36\0\0\0WAVEfmt \16\0\0\0\1\0\1\0\128\62\0\0\0\125\0\0\2\0\16\0data"
local ramp = {}
for i = 0, 255 do ramp[#ramp + 1] = string.char(i) end
ramp = table.concat(ramp)
local audio = header .. string.rep(ramp, math.ceil(bytes / #ramp))
audio = audio:sub(1, bytes)

wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH") or "/v1/audio/transcriptions"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.headers["Authorization"] = "Bearer " .. key
wrk.body = table.concat({
    "--", boundary, "\r\n",
    'Content-Disposition: form-data; name="file"; filename="speech.wav"', "\r\n",
    "Content-Type: audio/wav", "\r\n\r\n",
    audio, "\r\n",
    "--", boundary, "\r\n",
    'Content-Disposition: form-data; name="model"', "\r\n\r\n",
    model, "\r\n",
    "--", boundary, "--", "\r\n",
})

function done(summary, latency, requests)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout + e.status
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d detail=%d/%d/%d/%d/%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, errors, e.connect, e.read, e.write, e.timeout, e.status))
end
