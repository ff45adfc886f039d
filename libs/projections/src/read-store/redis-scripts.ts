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

/** Moves the live-version pointer only if it still names the version the caller saw ('' = absent). */
export const SET_POINTER_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;
