-- Ends an attempt try-start.lua started and records its outcome in its minute, atomically (one round trip).
-- KEYS[1] in-flight leases, KEYS[2] this minute's counts, KEYS[3] latency samples (list, oldest first)
-- ARGV: lease member, outcome (s: succeeded, f: failed, a: abandoned), failure kind, audio seconds ('' unknown),
--       latency sample, samples kept, minute ttl s, samples ttl s, whether to answer the counts ('1' or '0')
-- Returns this minute's requests, failures, and failures of that kind; nothing when the counts are not asked for.
redis.call('ZREM', KEYS[1], ARGV[1])
local ofKind = 0
if ARGV[2] == 's' then
    if ARGV[4] ~= '' then
        redis.call('HINCRBYFLOAT', KEYS[2], 'audio', ARGV[4])
        redis.call('EXPIRE', KEYS[2], ARGV[7])
    end
    redis.call('RPUSH', KEYS[3], ARGV[5])
    redis.call('LTRIM', KEYS[3], -tonumber(ARGV[6]), -1)
    redis.call('EXPIRE', KEYS[3], ARGV[8])
elseif ARGV[2] == 'f' then
    redis.call('HINCRBY', KEYS[2], 'fail', 1)
    ofKind = redis.call('HINCRBY', KEYS[2], 'k:' .. ARGV[3], 1)
    redis.call('EXPIRE', KEYS[2], ARGV[7])
end
if ARGV[9] ~= '1' then
    return {}
end
local counts = redis.call('HMGET', KEYS[2], 'req', 'fail')
return {tonumber(counts[1] or '0'), tonumber(counts[2] or '0'), ofKind}
