/**
 * Applies a batch of read-model changes and moves the checkpoint in one atomic step, only if the checkpoint
 * still holds the expected value. A missing checkpoint (a flushed Redis, a dropped version) is a conflict too.
 * KEYS[1] = checkpoint key; KEYS[i>1] = the key of operation i, whose opcode and value are ARGV[2i-1], ARGV[2i].
 */
export const COMMIT_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current ~= ARGV[1] then return 'C:' .. (current or '') end
for i = 2, #KEYS do
  local op = ARGV[2 * i - 1]
  local value = ARGV[2 * i]
  if op == 'S' then redis.call('SET', KEYS[i], value)
  elseif op == 'D' then redis.call('DEL', KEYS[i])
  elseif op == 'A' then redis.call('SADD', KEYS[i], value)
  elseif op == 'R' then redis.call('SREM', KEYS[i], value)
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return 'OK'
`;

/** Moves a version pointer only if it still names the version the caller saw ('' = absent); '' as next clears it. */
export const SET_POINTER_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
return 1
`;

/**
 * Hands out a version number above the sequence and above both pointers (a store written before the sequence
 * existed has versions the sequence does not know). KEYS = sequence, live pointer, building pointer.
 */
export const ALLOCATE_VERSION_SCRIPT = `
local next = redis.call('INCR', KEYS[1])
local known = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'))
if next <= known then
  next = known + 1
  redis.call('SET', KEYS[1], next)
end
return next
`;
