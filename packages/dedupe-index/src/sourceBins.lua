-- What each source's boilerplate puts in the fingerprint's bins, a part of the check-and-insert
-- script (checkAndInsert.lua, spliced in where `base` and `windowMs` are in scope).
--
-- An article indexed before its source's boilerplate was learned (one of the source's first few) was
-- fingerprinted whole: in some of its bins the minimum is a boilerplate shingle. A later copy,
-- fingerprinted without that boilerplate, disagrees in those bins, and a short article under a long
-- footer then falls below the threshold. So, per source, the index keeps the compact values its
-- boilerplate puts in each bin (two per bin, the latest first: boilerplate varies a little, a
-- newsletter box in turn with another). Node sends them with every document whose sentences were
-- partly left out (the fingerprint of those sentences alone); a candidate's similarity is then
-- measured on the bins its own source's boilerplate does not explain. Those bins are no evidence
-- either way: a different article of the same source agrees there too, a copy may not.
--
-- `bp` (hash): source tag (2 bytes) → 512 bytes, per bin two slots of (present, value).

local bpKey = base .. 'bp'
local bpOf, bpDirty = {}, {}
-- fewer bins left than this and the estimate is too rough: the plain similarity stands
local MIN_BINS = 32

local function sourceBins(src)
  local t = bpOf[src]
  if t == nil then
    local v = redis.call('HGET', bpKey, struct.pack('>I2', src))
    if v and #v == 512 then t = { string.byte(v, 1, 512) } else t = false end
    bpOf[src] = t
  end
  return t
end

-- estimated Jaccard from compact signatures (mine: bytes as a table), chance agreements corrected;
-- with a source's bins, over the bins its boilerplate does not explain
local function agreement(mine, other, bins)
  local k = #mine
  local theirs = { string.byte(other, 1, k) }
  local same, n = 0, 0
  for i = 1, k do
    local t = theirs[i]
    local o = (i - 1) * 4
    if not bins or not ((bins[o + 1] == 1 and bins[o + 2] == t) or (bins[o + 3] == 1 and bins[o + 4] == t)) then
      n = n + 1
      if mine[i] == t then same = same + 1 end
    end
  end
  if n < MIN_BINS then return agreement(mine, other, nil) end
  local x = (same / n - 1 / 256) / (1 - 1 / 256)
  if x < 0 then x = 0 end
  return x
end

-- a document's boilerplate bins (128 values, then a 16-byte mask of the bins they are for)
local function learnSourceBins(src, given)
  if src == 0 or #given ~= 144 then return end
  local t = sourceBins(src)
  if not t then
    t = {}
    for i = 1, 512 do t[i] = 0 end
  end
  local changed = false
  for b = 0, 127 do
    local mask = string.byte(given, 129 + math.floor(b / 8))
    if math.floor(mask / 2 ^ (b % 8)) % 2 == 1 then
      local v = string.byte(given, b + 1)
      local o = b * 4
      if not (t[o + 1] == 1 and t[o + 2] == v) then
        t[o + 3], t[o + 4] = t[o + 1], t[o + 2]
        t[o + 1], t[o + 2] = 1, v
        changed = true
      end
    end
  end
  if changed then
    bpOf[src] = t
    bpDirty[src] = true
  end
end

local function writeSourceBins()
  local any = false
  for src in pairs(bpDirty) do
    redis.call('HSET', bpKey, struct.pack('>I2', src), string.char(unpack(bpOf[src])))
    any = true
  end
  if any then redis.call('PEXPIRE', bpKey, windowMs) end
end
