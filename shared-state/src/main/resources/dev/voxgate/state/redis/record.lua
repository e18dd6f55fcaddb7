-- Records what attempts on one or more deployments did, atomically (one round trip): attempts started (on a
-- deployment without limits), an attempt ended on its lease, outcomes (a failure by kind, a success's audio seconds
-- and latency) and how many attempts this replica has in flight on each. A replica's periodic flush sends every
-- deployment's tally in one call; an attempt that failed sends its deployment's, its answer deciding the cooldown.
-- Per deployment, 5 KEYS: in-flight leases, the minute's counts (req, fail, audio, k:<KIND>), latency samples (list,
-- oldest first), replicas' in-flight counts (hash: replica -> count|expiry ms), the rest (its end in ms).
-- ARGV[1] this replica, ARGV[2] now ms, ARGV[3] minute ttl s, ARGV[4] samples kept, ARGV[5] samples ttl s,
-- ARGV[6] the failure kind whose count to answer for the first deployment ('' none); then per deployment:
-- lease to end ('' none), requests started, audio seconds ('' none), attempts in flight here ('' unchanged),
-- their ttl ms, the number n of failure kinds, n pairs (kind, count), the number m of samples, m samples.
-- Returns the first deployment's requests, failures and failures of the asked kind in its minute, then each
-- deployment's rest end in ms ('' when none), so that a missed rest message heals with the next flush.
local replica, now = ARGV[1], tonumber(ARGV[2])
local answer = {0, 0, 0}
local a = 7
for first = 1, #KEYS, 5 do
    local inflight, minute, latency, busy = KEYS[first], KEYS[first + 1], KEYS[first + 2], KEYS[first + 3]
    if ARGV[a] ~= '' then
        redis.call('ZREM', inflight, ARGV[a])
    end
    local counted = false
    if ARGV[a + 1] ~= '0' then
        redis.call('HINCRBY', minute, 'req', ARGV[a + 1])
        counted = true
    end
    if ARGV[a + 2] ~= '' then
        redis.call('HINCRBYFLOAT', minute, 'audio', ARGV[a + 2])
        counted = true
    end
    local here, ttl = ARGV[a + 3], tonumber(ARGV[a + 4])
    if here == '0' then
        redis.call('HDEL', busy, replica)
    elseif here ~= '' then
        redis.call('HSET', busy, replica, here .. '|' .. (now + ttl))
        if redis.call('PTTL', busy) < ttl then
            redis.call('PEXPIRE', busy, ttl)
        end
    end
    local kinds = tonumber(ARGV[a + 5])
    a = a + 6
    for _ = 1, kinds do
        redis.call('HINCRBY', minute, 'fail', ARGV[a + 1])
        local ofKind = redis.call('HINCRBY', minute, 'k:' .. ARGV[a], ARGV[a + 1])
        if first == 1 and ARGV[a] == ARGV[6] then
            answer[3] = ofKind
        end
        counted = true
        a = a + 2
    end
    if counted then
        redis.call('EXPIRE', minute, ARGV[3])
    end
    local samples = tonumber(ARGV[a])
    if samples > 0 then
        redis.call('RPUSH', latency, unpack(ARGV, a + 1, a + samples))
        redis.call('LTRIM', latency, -tonumber(ARGV[4]), -1)
        redis.call('EXPIRE', latency, ARGV[5])
    end
    a = a + 1 + samples
    if first == 1 then
        local counts = redis.call('HMGET', minute, 'req', 'fail')
        answer[1], answer[2] = tonumber(counts[1] or '0'), tonumber(counts[2] or '0')
    end
    answer[#answer + 1] = redis.call('GET', KEYS[first + 4]) or ''
end
return answer
