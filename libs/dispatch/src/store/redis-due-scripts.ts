/*
 * The due index in Redis. Every key carries the hash tag {due} so that a cluster keeps them in one slot; the
 * per-lead and per-dealer sets are named from BASE (ARGV) inside the scripts, which a single slot allows.
 * Keys: CP checkpoint, Z sorted set of entry ids by the time each becomes claimable (due time, postponement or
 * lease end), BODY hash id -> entry JSON, OWNER hash id -> lease holder, DUE hash id -> due time (ms).
 */

/**
 * KEYS = CP, Z, BODY, OWNER, DUE. ARGV = expected checkpoint, new checkpoint, BASE, lead count, then per lead:
 * lead id, dealer id, entry count, then per entry: id, due ms, JSON. An entry whose JSON is unchanged keeps its
 * lease and postponement; a changed one is new work (lease dropped); entries the lead no longer has go.
 */
export const COMMIT_DUE_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
local base = ARGV[3]
local i = 5
for _ = 1, tonumber(ARGV[4]) do
  local leadId, dealerId, count = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  i = i + 3
  local leadKey = base .. 'lead:' .. leadId
  local keep = {}
  for _ = 1, count do
    local id, due, body = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    i = i + 3
    keep[id] = true
    if redis.call('HGET', KEYS[3], id) ~= body then
      redis.call('HSET', KEYS[3], id, body)
      redis.call('HSET', KEYS[5], id, due)
      redis.call('HDEL', KEYS[4], id)
      redis.call('ZADD', KEYS[2], due, id)
      redis.call('SADD', leadKey, id)
    end
  end
  for _, id in ipairs(redis.call('SMEMBERS', leadKey)) do
    if not keep[id] then
      redis.call('SREM', leadKey, id)
      redis.call('ZREM', KEYS[2], id)
      redis.call('HDEL', KEYS[3], id)
      redis.call('HDEL', KEYS[4], id)
      redis.call('HDEL', KEYS[5], id)
    end
  end
  if count > 0 then redis.call('SADD', base .. 'dealer:' .. dealerId, leadId)
  else redis.call('SREM', base .. 'dealer:' .. dealerId, leadId) end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

/**
 * KEYS = Z, BODY, OWNER. ARGV = now (ms), limit, lease end (ms), owner. Reads the first due ids of the sorted set
 * (O(log n + limit)) and pushes each to its lease end: a leased entry is simply not due until then.
 */
export const CLAIM_DUE_SCRIPT = `
local ids = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[2]))
local bodies = {}
for n, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  redis.call('HSET', KEYS[3], id, ARGV[4])
  bodies[n] = redis.call('HGET', KEYS[2], id)
end
return bodies
`;

/** KEYS = Z, BODY, OWNER, DUE. ARGV = id, owner, BASE. Removes the entry if `owner` holds it. */
export const COMPLETE_DUE_SCRIPT = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
local body = redis.call('HGET', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if body then
  local entry = cjson.decode(body)
  local leadKey = ARGV[3] .. 'lead:' .. entry.leadId
  redis.call('SREM', leadKey, ARGV[1])
  if redis.call('SCARD', leadKey) == 0 then redis.call('SREM', ARGV[3] .. 'dealer:' .. entry.dealerId, entry.leadId) end
end
return 1
`;

/** KEYS = Z, OWNER, DUE. ARGV = id, owner, next time (ms) or '' for the due time. */
export const RELEASE_DUE_SCRIPT = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
local at = ARGV[3]
if at == '' then at = redis.call('HGET', KEYS[3], ARGV[1]) end
redis.call('ZADD', KEYS[1], at, ARGV[1])
return 1
`;
