-- The check-and-insert, one Lua script, so that it is atomic: two copies of one text checked at the
-- same moment by two workers are serialised by Redis, and the second sees the first. One call
-- checks a batch of documents, in order: each sees the ones before it, so two copies inside one
-- batch are one original and one duplicate, as if checked one by one.
--
-- Layout (every key starts with the `{prefix}` hash tag, so all live in one Redis Cluster slot; the
-- script builds the chunk keys itself, which Redis Cluster allows within the slot of its declared
-- keys):
--
-- - `m` (hash): `L`, `s` (linear-hashing level and split pointer), `E` (band entries), `seq` (last
--   document number), `live` (first live document number), `slice` (current time slice), `sweep`
--   (next bucket to clean), `dropped` (first record chunk not yet deleted), `ttlset`.
-- - `t` (hash): time slice start (ms) → first document number of that slice.
-- - `b` (hash): bucket number (4 bytes, big-endian) → band entries, 8 bytes each (band hash, document number; big-endian
--   uint32). One hash rather than a key per bucket, so that a document's 32 buckets are read with
--   one HMGET and a batch's changed buckets written back with a few HSETs, instead of 32 APPENDs
--   per document. What Redis spends per document is mostly proportional to the bytes its buckets
--   carry in and out of the script, so buckets are small: the bucket count grows by linear hashing
--   (one bucket split at a time) to keep them near 16 entries (128 bytes) at any size, and a field
--   of a hash costs less memory than a key.
-- - `r:<c>` (string): fixed-size records of 128 documents: flag, published (s), copy-of (n + 1),
--   content hash, source tag (2 bytes, 0 for unknown), 128-byte compact signature.
-- - `i:<c>` (hash): document number → id, for the same 128 documents.
--
-- Buckets read in a batch are kept in the script and changed there; the changed ones are written
-- back once, at the end of the batch.
--
-- Expiry: the window is cut into 32 time slices; a document is live while its slice is younger than
-- the window. Numbers below `live` are dead: they are skipped at once, dropped from a bucket when it
-- is split, and by a sweep that cleans four buckets per insert. Record and id chunks are deleted once
-- all their documents are dead; chunks and the bucket hash carry a TTL past their newest document's
-- expiry in case ingestion stops.
--
-- Arguments: base, now ('' for the server's clock), window (ms), threshold, the threshold between two
-- documents of one source, document count, the documents packed in one binary string (266 bytes
-- each: published in s or 0xffffffff for unknown, content hash, source tag, 128-byte compact
-- signature, 32 band hashes; big-endian), then one id per document, then per document the bins its
-- source's boilerplate fills (sourceBins.lua) or '', then per document its whole text's signature
-- and band hashes when it is mostly what its source repeats (wholeText.lua) or ''.
-- One packed argument instead of four per document spares both sides most of the argument
-- handling. Reply: one array per document, `{'original'}`,
-- `{'original', replacedId, similarity, method}` or `{'duplicate', originalId, similarity, method}`.
-- A document indexed already (same id) is not inserted again and gets the verdict it got when it was
-- indexed, `replacedId` included: a job retried after a crash appends what the first run would have.

local meta, slices = KEYS[1], KEYS[2]
local base = ARGV[1]
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local windowMs = tonumber(ARGV[3])
local threshold = tonumber(ARGV[4])
local sameSourceThreshold = tonumber(ARGV[5])
local D = tonumber(ARGV[6])
local packed = ARGV[7]
local SIG, NBANDS = 128, 32
local DOC = 10 + SIG + 4 * NBANDS
local bkey = base .. 'b'
local CHUNK = 128
local N0 = 16
local TARGET = 16
local UNKNOWN = 4294967295
local SLICES = 32

local m = redis.call('HMGET', meta, 'L', 's', 'E', 'seq', 'live', 'slice', 'sweep', 'dropped', 'ttlset')
local L = tonumber(m[1]) or 0
local split = tonumber(m[2]) or 0
local E = tonumber(m[3]) or 0
local seq = tonumber(m[4]) or 0
local live = tonumber(m[5]) or 1
local slice = tonumber(m[6]) or -1
local sweep = tonumber(m[7]) or 0
local dropped = tonumber(m[8]) or 0
local ttlset = m[9] or ''
local B0 = N0 * (2 ^ L)

-- time slices: on entering a new slice, forget slices older than the window
local sliceMs = math.ceil(windowMs / SLICES)
windowMs = sliceMs * SLICES
local cur = math.floor(now / sliceMs) * sliceMs
if cur > slice then
  slice = cur
  redis.call('HSETNX', slices, cur, seq + 1)
  local all = redis.call('HGETALL', slices)
  local oldest = nil
  for i = 1, #all, 2 do
    local st = tonumber(all[i])
    if st + windowMs <= now then
      redis.call('HDEL', slices, all[i])
    elseif oldest == nil or st < oldest then
      oldest = st
      live = tonumber(all[i + 1])
    end
  end
  if oldest == nil then live = seq + 1 end
  -- record and id chunks whose documents are all dead go at once (their TTL is only a safety net)
  while dropped <= math.floor(live / CHUNK) - 1 do
    redis.call('DEL', base .. 'r:' .. dropped, base .. 'i:' .. dropped)
    dropped = dropped + 1
  end
end

-- splice: indexBuckets.lua
-- splice: sourceBins.lua
local R, K = 0, 0
local function record(n)
  local off = (n % CHUNK) * R
  local r = redis.call('GETRANGE', base .. 'r:' .. math.floor(n / CHUNK), off, off + R - 1)
  if #r < R or string.byte(r, 1) ~= 1 then return nil end
  local _, pub, root, ch, src = struct.unpack('>BI4I4I4I2', r)
  return { n = n, pub = pub, root = root, ch = ch, src = src, sig = string.sub(r, 16) }
end

-- splice: wholeText.lua
local function idOf(n)
  return redis.call('HGET', base .. 'i:' .. math.floor(n / CHUNK), n)
end

local bucketTtl = nil
local keysOf, rkey, ikey, stamp = nil, nil, nil, nil
local inserted = 0
local out = {}
for d = 1, D do
  local at = (d - 1) * DOC
  local published, chash, source = struct.unpack('>I4I4I2', packed, at + 1)
  local sig = string.sub(packed, at + 11, at + 10 + SIG)
  local bands = string.sub(packed, at + 11 + SIG, at + DOC)
  local id = ARGV[7 + d]
  local nbands = NBANDS
  K = SIG
  R = 15 + K
  -- the whole text of a document that is mostly what its source repeats (wholeText.lua)
  local whole = ARGV[7 + 2 * D + d] or ''
  local before, nothingKept = nil, false
  if #whole > 0 then
    before = binsBefore(source)
    nothingKept = string.byte(whole, 1) == 1
  end
  -- learnt before the verification: it may be what lets this very document match an early original
  learnSourceBins(source, ARGV[7 + D + d])

  local mine = nil
  -- with the other document's source, on the bins that source's boilerplate does not explain
  local function similarity(other, src)
    if not mine then mine = { string.byte(sig, 1, K) } end
    local bins = nil
    if src and src ~= 0 then bins = sourceBins(src) or nil end
    return agreement(mine, other, bins)
  end

  -- candidates: live documents with an entry for one of this document's band hashes
  local addrs, needles, missing = {}, {}, {}
  for i = 1, nbands do
    local p = i * 4 - 3
    local b1, b2, b3, b4 = string.byte(bands, p, p + 3)
    needles[i] = string.sub(bands, p, p + 3)
    -- addr(), inlined: this runs 32 times per document
    local h = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
    local a = h % B0
    if a < split then a = h % (2 * B0) end
    a = struct.pack('>I4', a)
    addrs[i] = a
    if vals[addrs[i]] == nil then missing[#missing + 1] = addrs[i] end
  end
  if #missing > 0 then
    local got = redis.call('HMGET', bkey, unpack(missing))
    for i = 1, #missing do vals[missing[i]] = got[i] or '' end
  end
  local candidates, seen = {}, {}
  for i = 1, nbands do
    local v = vals[addrs[i]]
    local pos = string.find(v, needles[i], 1, true)
    while pos do
      if pos % 8 == 1 then
        local n = struct.unpack('>I4', v, pos + 4)
        if n >= live and not seen[n] then
          seen[n] = true
          candidates[#candidates + 1] = n
        end
      end
      pos = string.find(v, needles[i], pos + 1, true)
    end
  end

  -- verification: the most similar candidate at or above the threshold; the identical ones are kept
  -- aside, since this very document, if it is indexed already, is one of them
  local best, bestSim = nil, -1
  local identical = {}
  for _, n in ipairs(candidates) do
    local rec = record(n)
    if rec then
      local s = similarity(rec.sig)
      if s >= 1 then identical[#identical + 1] = rec end
      if rec.src ~= 0 then s = similarity(rec.sig, rec.src) end
      -- two articles of one source share what boilerplate is not learned yet: a stricter threshold
      local bar = threshold
      if source ~= 0 and rec.src == source then bar = sameSourceThreshold end
      -- (a document of nothing but repeats is compared as a whole text only, below)
      if s >= bar and not nothingKept and (s > bestSim or (s == bestSim and n < best.n)) then
        best, bestSim = rec, s
      end
    end
  end
  local byWhole = false
  if not best and #whole > 0 then
    best, bestSim = wholeTextMatch(whole, source, before, ARGV[7 + D + d])
    byWhole = best ~= nil
    if byWhole then forgetSourceBins(source, before) end
  end
  local indexedAs = nil
  for _, rec in ipairs(identical) do
    if idOf(rec.n) == id then
      indexedAs = rec.n
      break
    end
  end
  -- indexed with another text (extracted again since): then most likely its own best match
  if not indexedAs and best and bestSim < 1 and idOf(best.n) == id then indexedAs = best.n end

  -- The verdict this document got when it was indexed, for a check of it again (a job retried after
  -- a crash between the check and the append of its events must append the same events). When it
  -- replaced an original, that original's copy-of link was set to this document's number, and no
  -- other link ever is: only the document inserted as number n writes n + 1. That original was on a
  -- link chain (at most 8 links) from the best candidate of the first check, which is a candidate
  -- again, and links only point to later numbers, so the chains of the candidates numbered below
  -- this document find it. Its record still holds what the verdict was made of.
  local function verdictAgain(self)
    local visited = {}
    for _, n in ipairs(candidates) do
      local node = nil
      if n < self and not visited[n] then node = record(n) end
      for _ = 1, 9 do
        if not node then break end
        visited[node.n] = true
        if node.root == self + 1 then
          local sim = similarity(node.sig, node.src)
          local method = 'minhash'
          if node.ch == chash and sim >= 1 then method = 'content-hash' end
          return { 'original', idOf(node.n), tostring(sim), method }
        end
        local up = node.root - 1
        if node.root == 0 or up < live or up >= self or visited[up] then break end
        node = record(up)
      end
    end
    return { 'original' }
  end

  local function insert()
    seq = seq + 1
    local chunk = math.floor(seq / CHUNK)
    if chunk ~= keysOf then
      -- chunk keys and TTL stamp built once per chunk: number formatting is dear in the script
      keysOf = chunk
      rkey, ikey = base .. 'r:' .. chunk, base .. 'i:' .. chunk
      stamp = chunk .. '@' .. cur
    end
    if seq % CHUNK == 0 or seq == 1 then
      -- allocate the whole chunk at once: growing it write by write would over-allocate
      redis.call('SETRANGE', rkey, CHUNK * R - 1, '\0')
    end
    redis.call('SETRANGE', rkey, (seq % CHUNK) * R, struct.pack('>BI4I4I4I2', 1, published, 0, chash, source) .. sig)
    redis.call('HSET', ikey, seq, id)
    -- a chunk's TTL outlives its newest document; refreshed once per chunk and time slice
    if ttlset ~= stamp then
      local ttl = cur + windowMs + sliceMs - now
      redis.call('PEXPIRE', rkey, ttl)
      redis.call('PEXPIRE', ikey, ttl)
      bucketTtl = ttl
      ttlset = stamp
    end
    -- this document's 32 entries; dead entries are left to the sweep and to splits
    local entry = struct.pack('>I4', seq)
    for i = 1, nbands do
      local a = addrs[i]
      vals[a] = vals[a] .. needles[i] .. entry
      dirty[a] = true
    end
    E = E + nbands
    inserted = inserted + 1
    while E > TARGET * (B0 + split) do splitBucket() end
  end

  local verdict = nil
  if indexedAs then
    verdict = verdictAgain(indexedAs)
  elseif best then
    -- follow "copy of" links to the original (a later-inserted, earlier-published copy took its place)
    local root = best
    for _ = 1, 8 do
      if root.root == 0 or root.root - 1 < live then break end
      local up = record(root.root - 1)
      if not up then break end
      root = up
    end
    local rootId = idOf(root.n)
    if rootId == id then
      -- indexed already but not found among the identical candidates (its record is gone): never
      -- a copy of itself, nor indexed twice
      verdict = { 'original' }
    else
      local sim = bestSim
      if root.n ~= best.n and not byWhole then sim = similarity(root.sig, root.src) end
      local method = 'minhash'
      if root.ch == chash and sim >= 1 then method = 'content-hash' end
      if published ~= UNKNOWN and root.pub ~= UNKNOWN and published < root.pub then
        -- published earlier than the indexed original: this document is the original now, and the
        -- old original becomes its copy
        insert()
        local off = (root.n % CHUNK) * R
        redis.call('SETRANGE', base .. 'r:' .. math.floor(root.n / CHUNK), off + 5, struct.pack('>I4', seq + 1))
        verdict = { 'original', rootId, tostring(sim), method }
      else
        verdict = { 'duplicate', rootId, tostring(sim), method }
      end
    end
  elseif nothingKept then
    verdict = { 'original' }
  else
    insert()
    verdict = { 'original' }
  end
  out[d] = verdict
end

if live > 1 and inserted > 0 then sweepBuckets(SWEEP * inserted) end

-- the changed buckets, written back in slices (unpack has a limit on arguments)
local set, del = {}, {}
local function flushSet()
  if #set > 0 then redis.call('HSET', bkey, unpack(set)) end
  set = {}
end
local function flushDel()
  if #del > 0 then redis.call('HDEL', bkey, unpack(del)) end
  del = {}
end
for a in pairs(dirty) do
  local v = vals[a]
  if #v > 0 then
    set[#set + 1] = a
    set[#set + 1] = v
    if #set >= 1000 then flushSet() end
  else
    del[#del + 1] = a
    if #del >= 1000 then flushDel() end
  end
end
flushSet()
flushDel()
if bucketTtl then redis.call('PEXPIRE', bkey, bucketTtl) end
writeSourceBins()

redis.call('HSET', meta, 'L', L, 's', split, 'E', E, 'seq', seq, 'live', live, 'slice', slice, 'sweep', sweep, 'dropped', dropped, 'ttlset', ttlset)
return out
