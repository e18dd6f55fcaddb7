-- Starts one attempt on a deployment if it does not rest and its limits admit it, atomically (one round trip).
-- KEYS[1] the deployment's in-flight leases (sorted set: member -> expiry in ms)
-- KEYS[2] the deployment's counts of this minute (hash: req, fail, audio, k:<KIND>)
-- KEYS[3] the deployment's rest (the instant it ends, in ms)
-- ARGV: now ms, lease expiry ms, lease member, max in flight, rpm, tpm (each -1 for none), lease ms, minute ttl s
if tonumber(redis.call('GET', KEYS[3]) or '0') > tonumber(ARGV[1]) then
    return 0
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local inflight = redis.call('ZCARD', KEYS[1])
local counts = redis.call('HMGET', KEYS[2], 'req', 'audio')
local requests = tonumber(counts[1] or '0')
local audio = tonumber(counts[2] or '0')
local maxParallel, rpm, tpm = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if (maxParallel >= 0 and inflight >= maxParallel) or (rpm >= 0 and requests >= rpm)
        or (tpm >= 0 and audio >= tpm) then
    return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('HINCRBY', KEYS[2], 'req', 1)
redis.call('EXPIRE', KEYS[2], ARGV[8])
return 1
