-- What a deployment is doing now, and until when it rests (one round trip, read only but for dropping expired
-- leases).
-- KEYS[1] in-flight leases, KEYS[2] this minute's counts, KEYS[3] latency samples, KEYS[4] its rest; ARGV[1] now ms
-- Returns in flight, requests, failures, audio seconds (as text), the samples, the rest's end in ms ('' when none).
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local counts = redis.call('HMGET', KEYS[2], 'req', 'fail', 'audio')
return {redis.call('ZCARD', KEYS[1]), tonumber(counts[1] or '0'), tonumber(counts[2] or '0'), counts[3] or '0',
        redis.call('LRANGE', KEYS[3], 0, -1), redis.call('GET', KEYS[4]) or ''}
