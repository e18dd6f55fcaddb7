-- Rests a deployment until ARGV[1] (ms since the epoch) unless a later rest is recorded, and tells every replica at
-- once on the channel ARGV[3] ('<until ms>|<deployment id>', the id ARGV[4]), since replicas start attempts on
-- deployments without limits from their own view of the rests. ARGV[2] is the caller's now, so that the key expires
-- when the rest ends by the routers' clock rather than the server's.
-- KEYS[1] the deployment's rest
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local untilMillis = tonumber(ARGV[1])
if untilMillis > current and untilMillis > tonumber(ARGV[2]) then
    redis.call('SET', KEYS[1], ARGV[1], 'PX', untilMillis - tonumber(ARGV[2]))
    redis.call('PUBLISH', ARGV[3], ARGV[1] .. '|' .. ARGV[4])
end
return 1
