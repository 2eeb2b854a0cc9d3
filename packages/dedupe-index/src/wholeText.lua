-- A second look at a document whose text is mostly what its source repeats, a part of the
-- check-and-insert script (checkAndInsert.lua, spliced in after the source bins, where `vals`,
-- `bkey`, `live`, `B0`, `split`, `record`, `threshold` and `sameSourceThreshold` are in scope).
--
-- What a source repeats is learnt by counting documents, so a story that one host carries four times
-- (a wire story on a platform hosting several outlets, an outlet's third update at a new address)
-- becomes that host's "boilerplate" at its fourth version: left out, it leaves that version a few
-- stray shingles and no match. Boilerplate is furniture around an article; a document that is mostly
-- boilerplate is either a short article under a long footer or such a version. So Node also sends
-- the fingerprint of such a document's whole text, and when the fingerprint without the repeats
-- finds nothing, the whole text is checked too, on the bins that the source's boilerplate as learnt
-- before this document does not explain, on either side: the footer of a short article is not
-- counted, a story that only this document took for boilerplate is. Fewer than MIN_BINS such bins
-- and there is no evidence: no match.
--
-- A document of which nothing is left without the repeats is checked whole only, and not indexed
-- unless it turns out to be published before the original it matches (as a text of repeats alone
-- was not before).
--
-- Per document: `whole` is '' or a flag byte (1: nothing was kept, and the fingerprint sent as the
-- document's is its whole text's), its compact signature (128 bytes), its 32 band hashes.

-- a copy of a source's bins as they are before this document teaches them anything
local function binsBefore(src)
  if src == 0 then return nil end
  local t = sourceBins(src)
  if not t then return nil end
  local c = {}
  for i = 1, #t do c[i] = t[i] end
  return c
end

-- a document found by its whole text repeated a story, not furniture: what it taught its source's
-- bins is taken back
local function forgetSourceBins(src, before)
  bpOf[src] = before
  bpDirty[src] = true
end

local function explained(bins, b, v)
  if not bins then return false end
  local o = (b - 1) * 4
  return (bins[o + 1] == 1 and bins[o + 2] == v) or (bins[o + 3] == 1 and bins[o + 4] == v)
end

-- the best candidate for the whole text at or above its bar, or nil
-- how many of the bins that a document's repeats fill (sourceBins.lua) the source's bins
-- explained already, of how many
local function knownRepeats(given, before)
  local known, all = 0, 0
  if #given ~= 144 then return 0, 0 end
  for b = 1, 128 do
    local mask = string.byte(given, 129 + math.floor((b - 1) / 8))
    if math.floor(mask / 2 ^ ((b - 1) % 8)) % 2 == 1 then
      all = all + 1
      if explained(before, b, string.byte(given, b)) then known = known + 1 end
    end
  end
  return known, all
end

local function wholeTextMatch(whole, source, before, given)
  -- a source that never left anything out before: what this document repeats is first learnt now,
  -- and most likely its furniture; with nothing to tell that from a story, no second look
  if not before then return nil, -1 end
  -- repeats that are mostly the source's known furniture (a short article under its long footer):
  -- no story in them, and the whole text would only measure what the footer leaves unexplained
  local known, all = knownRepeats(given, before)
  if known * 2 >= all then return nil, -1 end
  local sig = string.sub(whole, 2, 129)
  local bands = string.sub(whole, 130)
  local mine = { string.byte(sig, 1, 128) }
  local missing, asked, needles, addrs = {}, {}, {}, {}
  for i = 1, #bands / 4 do
    local p = i * 4 - 3
    local b1, b2, b3, b4 = string.byte(bands, p, p + 3)
    local h = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
    local a = h % B0
    if a < split then a = h % (2 * B0) end
    a = struct.pack('>I4', a)
    addrs[i], needles[i] = a, string.sub(bands, p, p + 3)
    if vals[a] == nil and not asked[a] then
      asked[a] = true
      missing[#missing + 1] = a
    end
  end
  if #missing > 0 then
    local got = redis.call('HMGET', bkey, unpack(missing))
    for i = 1, #missing do vals[missing[i]] = got[i] or '' end
  end
  local best, bestSim, seen = nil, -1, {}
  for i = 1, #addrs do
    local v = vals[addrs[i]]
    local pos = string.find(v, needles[i], 1, true)
    while pos do
      if pos % 8 == 1 then
        local n = struct.unpack('>I4', v, pos + 4)
        if n >= live and not seen[n] then
          seen[n] = true
          local rec = record(n)
          if rec then
            local theirs = { string.byte(rec.sig, 1, 128) }
            local other = nil
            if rec.src == source then other = before elseif rec.src ~= 0 then other = sourceBins(rec.src) or nil end
            local same, k = 0, 0
            for b = 1, 128 do
              if not explained(before, b, mine[b]) and not explained(other, b, theirs[b]) then
                k = k + 1
                if mine[b] == theirs[b] then same = same + 1 end
              end
            end
            if k >= MIN_BINS then
              local s = (same / k - 1 / 256) / (1 - 1 / 256)
              local bar = threshold
              if source ~= 0 and rec.src == source then bar = sameSourceThreshold end
              if s >= bar and (s > bestSim or (s == bestSim and n < best.n)) then best, bestSim = rec, s end
            end
          end
        end
      end
      pos = string.find(v, needles[i], pos + 1, true)
    end
  end
  return best, bestSim
end
