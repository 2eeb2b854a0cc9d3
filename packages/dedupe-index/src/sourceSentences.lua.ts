/**
 * What a source (an outlet's host) repeats across its own articles: per source, each sentence hash
 * seen lately with the tags of up to four documents that had it. One call, for one document, answers
 * which of its sentences are boilerplate (at least `need` other documents of the source had them)
 * and adds the document's tag to each of its sentences, in one atomic step: two workers checking two
 * articles of one outlet see each other in the order Redis runs them.
 *
 * The document's own tag never counts for it, and is added once: a document checked again (a retried
 * job) gets the same answer it got the first time, unless other documents came in between.
 *
 * Memory is bounded per source by two generations: `cur` takes every write; once it holds `cap`
 * sentences it becomes `prev` (the previous `prev` is dropped) and a new `cur` starts. A sentence
 * found only in `prev` is copied into `cur`, so what the source keeps repeating stays while what it
 * said once (nearly every sentence of an article's body) is forgotten after two generations. Both
 * keys expire a window after the source's last article.
 *
 * KEYS: cur, prev (hash: sentence hash, 4 bytes → document tags, 2 bytes each).
 * ARGV: document tag (2 bytes), need, cap, ttl (ms), sentence hashes (4 bytes each, distinct).
 * Reply: one character per sentence, '1' for boilerplate, '0' otherwise.
 */
export const SOURCE_SENTENCES_LUA = `
local cur, prev = KEYS[1], KEYS[2]
local tag = ARGV[1]
local need = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local packed = ARGV[5]
local MAX_TAGS = 4
local n = #packed / 4
if n == 0 then return '' end

local fields = {}
for i = 1, n do fields[i] = string.sub(packed, i * 4 - 3, i * 4) end
local got = redis.call('HMGET', cur, unpack(fields))
local missing = {}
for i = 1, n do
  if not got[i] then missing[#missing + 1] = i end
end
local promoted = {}
if #missing > 0 and redis.call('EXISTS', prev) == 1 then
  local names = {}
  for j, i in ipairs(missing) do names[j] = fields[i] end
  local old = redis.call('HMGET', prev, unpack(names))
  for j, i in ipairs(missing) do
    if old[j] then
      got[i] = old[j]
      promoted[i] = true
    end
  end
end

local flags, writes = {}, {}
for i = 1, n do
  local v = got[i] or ''
  local others, mine = 0, false
  for p = 1, #v, 2 do
    if string.sub(v, p, p + 1) == tag then mine = true else others = others + 1 end
  end
  flags[i] = others >= need and '1' or '0'
  local nv = v
  if not mine and #v < 2 * MAX_TAGS then nv = v .. tag end
  if nv ~= v or promoted[i] or not got[i] then
    writes[#writes + 1] = fields[i]
    writes[#writes + 1] = nv
  end
end
if #writes > 0 then
  redis.call('HSET', cur, unpack(writes))
  if redis.call('HLEN', cur) >= cap then
    redis.call('RENAME', cur, prev)
    redis.call('PEXPIRE', prev, ttl)
  else
    redis.call('PEXPIRE', cur, ttl)
  end
end
return table.concat(flags)
`;
