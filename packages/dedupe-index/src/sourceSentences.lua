-- What a source (an outlet's host) repeats across its own articles. One call, for one document,
-- answers which of its sentences are boilerplate (at least `need` other documents of the source had
-- them) and records the document's sentences, in one atomic step: two workers checking two articles
-- of one outlet see each other in the order Redis runs them.
--
-- Nearly every sentence of an article's body is said once and never again, so a first occurrence
-- only sets a bit in the source's bitmap of sentences seen (2^16 bits, by 16 bits of the sentence
-- hash, cleared every BITMAP_DOCUMENTS documents of the source, so that it stays sparse: a sentence
-- mistaken for seen costs one phantom count). A sentence seen before gets an entry: the tags of up
-- to four documents that had it after the first, the first being implied. Entries are what memory
-- is spent on, and only what a source repeats gets one. The document's own tag never counts for it
-- and is added once. A document checked again (a retried job) is known by its tag among the source's
-- last RECENT documents: where its tag is not in an entry, it was the first occurrence, and it gets
-- the answer it got the first time, unless other documents came in between.
--
-- Entries are bounded per source by two generations: `cur` takes every write; once it holds `cap`
-- sentences it becomes `prev` (the previous `prev` is dropped) and a new `cur` starts. A sentence
-- found only in `prev` is copied into `cur`, so what the source keeps repeating stays while what it
-- repeated for a while and dropped is forgotten. Every key expires a window after the source's last
-- article.
--
-- KEYS: cur, prev (hash: sentence hash, 4 bytes → document tags, 2 bytes each; field `n` counts the
-- documents since the bitmap was cleared, field `r` holds the tags of the last documents), seen
-- (string: the bitmap).
-- ARGV: document tag (2 bytes), need, cap, ttl (ms), sentence hashes (4 bytes each, distinct).
-- Reply: one character per sentence, '1' for boilerplate, '0' otherwise.

local cur, prev, seenKey = KEYS[1], KEYS[2], KEYS[3]
local tag = ARGV[1]
local need = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local packed = ARGV[5]
local MAX_TAGS = 4
local BITMAP_DOCUMENTS = 256
local RECENT = 16
local n = #packed / 4
if n == 0 then return '' end

-- checked before, lately? (then where its tag is missing from an entry, it was the first occurrence)
local recent = redis.call('HGET', cur, 'r') or ''
local again = false
for p = 1, #recent, 2 do
  if string.sub(recent, p, p + 1) == tag then again = true end
end
if not again then
  recent = tag .. recent
  if #recent > 2 * RECENT then recent = string.sub(recent, 1, 2 * RECENT) end
end

-- every sentence sets its bit (BITFIELD SET answers the bit it had): first occurrences stop there
local fields, flags, repeats = {}, {}, {}
local setBits = { 'BITFIELD', seenKey }
for i = 1, n do
  local f = string.sub(packed, i * 4 - 3, i * 4)
  fields[i] = f
  flags[i] = '0'
  local b1, b2 = string.byte(f, 3, 4)
  setBits[#setBits + 1] = 'SET'
  setBits[#setBits + 1] = 'u1'
  setBits[#setBits + 1] = b1 * 256 + b2
  setBits[#setBits + 1] = 1
end
local had = redis.call(unpack(setBits))
for i = 1, n do
  if had[i] == 1 then repeats[#repeats + 1] = i end
end
if #repeats < n then redis.call('PEXPIRE', seenKey, ttl) end

if #repeats > 0 then
  local names = {}
  for j, i in ipairs(repeats) do names[j] = fields[i] end
  local got = redis.call('HMGET', cur, unpack(names))
  local promoted = {}
  if redis.call('EXISTS', prev) == 1 then
    local missing, at = {}, {}
    for j = 1, #repeats do
      if not got[j] then
        missing[#missing + 1] = names[j]
        at[#at + 1] = j
      end
    end
    if #missing > 0 then
      local old = redis.call('HMGET', prev, unpack(missing))
      for m, j in ipairs(at) do
        if old[m] then
          got[j] = old[m]
          promoted[j] = true
        end
      end
    end
  end
  local writes = {}
  for j, i in ipairs(repeats) do
    local v = got[j] or ''
    local others, mine = 0, false
    for p = 1, #v, 2 do
      if string.sub(v, p, p + 1) == tag then mine = true else others = others + 1 end
    end
    -- the first occurrence set the bit and left no tag: someone else, unless this is it, checked again
    local first = again and not mine
    if not first then others = others + 1 end
    if others >= need then flags[i] = '1' end
    local nv = v
    if not mine and not first and #v < 2 * MAX_TAGS then nv = v .. tag end
    if nv ~= v or promoted[j] or (not got[j] and nv ~= '') then
      writes[#writes + 1] = fields[i]
      writes[#writes + 1] = nv
    end
  end
  if #writes > 0 then redis.call('HSET', cur, unpack(writes)) end
end

-- this document counted; the bitmap cleared every BITMAP_DOCUMENTS documents
if not again then
  redis.call('HSET', cur, 'r', recent)
  if redis.call('HINCRBY', cur, 'n', 1) >= BITMAP_DOCUMENTS then
    redis.call('DEL', seenKey)
    redis.call('HSET', cur, 'n', 0)
  end
end
if redis.call('HLEN', cur) > cap + 2 then
  redis.call('RENAME', cur, prev)
  redis.call('PEXPIRE', prev, ttl)
else
  redis.call('PEXPIRE', cur, ttl)
end
return table.concat(flags)
