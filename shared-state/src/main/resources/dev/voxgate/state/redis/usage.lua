-- What a deployment is doing now, and until when it rests (one round trip, read only but for dropping expired
-- leases and the expired in-flight counts of replicas gone).
-- KEYS[1] in-flight leases, KEYS[2] this minute's counts, KEYS[3] latency samples, KEYS[4] its rest,
-- KEYS[5] replicas' in-flight counts (hash: replica -> count|expiry ms); ARGV[1] now ms, ARGV[2] this replica, whose
-- own count the caller knows better than its last flush did
-- Returns in flight, requests, failures, audio seconds (as text), the samples, the rest's end in ms ('' when none).
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local inflight = redis.call('ZCARD', KEYS[1])
local busy = redis.call('HGETALL', KEYS[5])
for i = 1, #busy, 2 do
    if busy[i] ~= ARGV[2] then
        local count, expiry = string.match(busy[i + 1], '^(%d+)|(%d+)$')
        if tonumber(expiry) > now then
            inflight = inflight + tonumber(count)
        else
            redis.call('HDEL', KEYS[5], busy[i])
        end
    end
end
local counts = redis.call('HMGET', KEYS[2], 'req', 'fail', 'audio')
return {inflight, tonumber(counts[1] or '0'), tonumber(counts[2] or '0'), counts[3] or '0',
        redis.call('LRANGE', KEYS[3], 0, -1), redis.call('GET', KEYS[4]) or ''}
