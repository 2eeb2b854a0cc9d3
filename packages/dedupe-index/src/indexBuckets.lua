-- The bucket functions of the check-and-insert script (checkAndInsert.lua), a part of its one Lua
-- chunk: they read and change the script's locals (`vals`, `dirty`, `live`, `split`, `L`, `B0`, `E`,
-- `sweep`), so they are spliced in where those are in scope.
--
-- Buckets are fields of one hash (`b`): bucket number (4 bytes) → band entries, 8 bytes each (band
-- hash, document number). Buckets read in a batch are kept in `vals` and changed there; the changed
-- ones (`dirty`) are written back once, at the end of the batch. The bucket count grows by linear
-- hashing, one split at a time, to keep buckets near TARGET entries; dead entries (numbers below
-- `live`) are dropped when a bucket is split and by the sweep.

-- a bucket's field: its number, 4 bytes (no number formatting in the script, shorter fields)
local function field(a)
  return struct.pack('>I4', a)
end

-- buckets of this batch: read once, changed here, the changed ones written back at the end
local vals, dirty = {}, {}
local function bucket(a)
  local v = vals[a]
  if v == nil then
    v = redis.call('HGET', bkey, a) or ''
    vals[a] = v
  end
  return v
end
local function setBucket(a, v)
  vals[a] = v
  dirty[a] = true
end

-- a bucket without its dead entries, and how many were dropped
local function prune(v)
  if live <= 1 then return v, 0 end
  local kept = {}
  for pos = 1, #v, 8 do
    local _, n = struct.unpack('>I4I4', v, pos)
    if n >= live then kept[#kept + 1] = string.sub(v, pos, pos + 7) end
  end
  return table.concat(kept), (#v - 8 * #kept) / 8
end


local function splitBucket()
  local v = bucket(field(split))
  local keep, move = {}, {}
  local modulus = 2 * B0
  for pos = 1, #v, 8 do
    -- byte arithmetic rather than struct.unpack: this loop is a good part of an insert's cost
    local b1, b2, b3, b4, n1, n2, n3, n4 = string.byte(v, pos, pos + 7)
    local h = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
    if live > 1 and ((n1 * 256 + n2) * 256 + n3) * 256 + n4 < live then
      E = E - 1
    elseif h % modulus == split then
      keep[#keep + 1] = string.sub(v, pos, pos + 7)
    else
      move[#move + 1] = string.sub(v, pos, pos + 7)
    end
  end
  setBucket(field(split), table.concat(keep))
  setBucket(field(split + B0), table.concat(move))
  split = split + 1
  if split == B0 then
    L = L + 1
    split = 0
    B0 = N0 * (2 ^ L)
  end
end

-- the sweep: dead entries out of the next buckets, SWEEP of them per document inserted (a document
-- adds 32 entries, a bucket holds about TARGET: SWEEP * TARGET > 32 keeps ahead of the dead ones)
local SWEEP = 4
local function sweepBuckets(count)
  local total = B0 + split
  if count > total then count = total end
  local list, missing = {}, {}
  for i = 1, count do
    if sweep >= total then sweep = 0 end
    local f = field(sweep)
    list[i] = f
    if vals[f] == nil then missing[#missing + 1] = f end
    sweep = sweep + 1
  end
  if #missing > 0 then
    local got = redis.call('HMGET', bkey, unpack(missing))
    for i = 1, #missing do vals[missing[i]] = got[i] or '' end
  end
  for _, a in ipairs(list) do
    local v = vals[a]
    if #v > 0 then
      local kept, gone = prune(v)
      if gone > 0 then
        E = E - gone
        setBucket(a, kept)
      end
    end
  end
end

