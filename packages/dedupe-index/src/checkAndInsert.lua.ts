/**
 * The check-and-insert, one Lua script, so that it is atomic: two copies of one text checked at the
 * same moment by two workers are serialised by Redis, and the second sees the first.
 *
 * Layout (every key starts with the `{prefix}` hash tag, so all live in one Redis Cluster slot; the
 * script builds bucket and chunk keys itself, which Redis Cluster allows within the slot of its
 * declared keys):
 *
 * - `m` (hash): `L`, `s` (linear-hashing level and split pointer), `E` (band entries), `seq` (last
 *   document number), `live` (first live document number), `slice` (current time slice), `sweep`
 *   (next bucket to clean), `dropped` (first record chunk not yet deleted), `ttlset`.
 * - `t` (hash): time slice start (ms) → first document number of that slice.
 * - `b:<n>` (string): a bucket of band entries, 8 bytes each (band hash, document number; big-endian
 *   uint32). The 32 buckets of a document are read with one MGET and written with APPEND (cheaper
 *   in Redis CPU than rewriting them with MSET, at the price of Redis' growth slack in the strings:
 *   ~645 instead of ~500 bytes per document, measured). The bucket count grows by linear hashing
 *   (one bucket split at a time) so that buckets stay near 48 entries (~400 bytes) at any size.
 * - `r:<c>` (string): fixed-size records of 128 documents: flag, published (s), copy-of (n + 1),
 *   content hash, 128-byte compact signature.
 * - `i:<c>` (hash): document number → id, for the same 128 documents.
 *
 * Expiry: the window is cut into 32 time slices; a document is live while its slice is younger than
 * the window. Numbers below `live` are dead: they are skipped at once, dropped from a bucket when it
 * is split, and by a sweep that cleans one bucket per insert. Record and id
 * chunks are deleted once all their documents are dead, and carry a TTL past their newest document's
 * expiry in case ingestion stops.
 */
export const CHECK_AND_INSERT_LUA = `
local meta, slices = KEYS[1], KEYS[2]
local base = ARGV[1]
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local windowMs = tonumber(ARGV[3])
local threshold = tonumber(ARGV[4])
local published = tonumber(ARGV[5])
local id = ARGV[6]
local sig = ARGV[7]
local chash = tonumber(ARGV[8])
-- band hashes, 4 bytes each, big-endian
local bands = ARGV[9]
local nbands = #bands / 4
local K = #sig
local R = 13 + K
local CHUNK = 128
local N0 = 16
local TARGET = 48
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

local function addr(h)
  local a = h % B0
  if a < split then a = h % (2 * B0) end
  return a
end

-- a bucket without its dead entries, and how many were dropped
local function prune(v)
  if live <= 1 or not v then return v or '', 0 end
  local kept = {}
  for pos = 1, #v, 8 do
    local _, n = struct.unpack('>I4I4', v, pos)
    if n >= live then kept[#kept + 1] = string.sub(v, pos, pos + 7) end
  end
  return table.concat(kept), (#v - 8 * #kept) / 8
end

local function record(n)
  local off = (n % CHUNK) * R
  local r = redis.call('GETRANGE', base .. 'r:' .. math.floor(n / CHUNK), off, off + R - 1)
  if #r < R or string.byte(r, 1) ~= 1 then return nil end
  local _, pub, root, ch = struct.unpack('>BI4I4I4', r)
  return { n = n, pub = pub, root = root, ch = ch, sig = string.sub(r, 14) }
end

local function idOf(n)
  return redis.call('HGET', base .. 'i:' .. math.floor(n / CHUNK), n)
end

local mine = { string.byte(sig, 1, K) }
local function similarity(other)
  local theirs = { string.byte(other, 1, K) }
  local same = 0
  for i = 1, K do
    if mine[i] == theirs[i] then same = same + 1 end
  end
  local x = (same / K - 1 / 256) / (1 - 1 / 256)
  if x < 0 then x = 0 end
  return x
end

-- candidates: live documents with an entry for one of this document's band hashes
local keys, needles = {}, {}
for i = 1, nbands do
  needles[i] = string.sub(bands, i * 4 - 3, i * 4)
  keys[i] = base .. 'b:' .. addr(struct.unpack('>I4', needles[i]))
end
local buckets = redis.call('MGET', unpack(keys))
local candidates, seen = {}, {}
for i = 1, nbands do
  local v = buckets[i]
  if v then
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
end

-- verification: the most similar candidate at or above the threshold
local best, bestSim = nil, -1
for _, n in ipairs(candidates) do
  local rec = record(n)
  if rec then
    local s = similarity(rec.sig)
    if s >= threshold and (s > bestSim or (s == bestSim and n < best.n)) then
      best, bestSim = rec, s
    end
  end
end

local function splitBucket()
  local oldKey = base .. 'b:' .. split
  local v = redis.call('GET', oldKey)
  local keep, move = {}, {}
  if v then
    for pos = 1, #v, 8 do
      local h, n = struct.unpack('>I4I4', v, pos)
      if n < live then
        E = E - 1
      elseif h % (2 * B0) == split then
        keep[#keep + 1] = string.sub(v, pos, pos + 7)
      else
        move[#move + 1] = string.sub(v, pos, pos + 7)
      end
    end
  end
  if #keep > 0 then redis.call('SET', oldKey, table.concat(keep)) elseif v then redis.call('DEL', oldKey) end
  if #move > 0 then redis.call('SET', base .. 'b:' .. (split + B0), table.concat(move)) end
  split = split + 1
  if split == B0 then
    L = L + 1
    split = 0
    B0 = N0 * (2 ^ L)
  end
end

local function sweepBucket()
  if sweep >= B0 + split then sweep = 0 end
  local key = base .. 'b:' .. sweep
  local v = redis.call('GET', key)
  if v then
    local kept, gone = prune(v)
    if gone > 0 then
      E = E - gone
      if #kept > 0 then redis.call('SET', key, kept) else redis.call('DEL', key) end
    end
  end
  sweep = sweep + 1
end

local function insert()
  seq = seq + 1
  local chunk = math.floor(seq / CHUNK)
  local rkey, ikey = base .. 'r:' .. chunk, base .. 'i:' .. chunk
  if seq % CHUNK == 0 or seq == 1 then
    -- allocate the whole chunk at once: growing it write by write would over-allocate
    redis.call('SETRANGE', rkey, CHUNK * R - 1, '\\0')
  end
  local pub = UNKNOWN
  if published >= 0 then pub = published end
  redis.call('SETRANGE', rkey, (seq % CHUNK) * R, struct.pack('>BI4I4I4', 1, pub, 0, chash) .. sig)
  redis.call('HSET', ikey, seq, id)
  -- a chunk's TTL outlives its newest document; refreshed once per chunk and time slice
  local stamp = chunk .. '@' .. cur
  if ttlset ~= stamp then
    local ttl = cur + windowMs + sliceMs - now
    redis.call('PEXPIRE', rkey, ttl)
    redis.call('PEXPIRE', ikey, ttl)
    ttlset = stamp
  end
  -- append this document to its 32 buckets; dead entries are left to the sweep and to splits
  for i = 1, nbands do
    redis.call('APPEND', keys[i], needles[i] .. struct.pack('>I4', seq))
  end
  E = E + nbands
  while E > TARGET * (B0 + split) do splitBucket() end
  if live > 1 then sweepBucket() end
end

local function save()
  redis.call('HSET', meta, 'L', L, 's', split, 'E', E, 'seq', seq, 'live', live, 'slice', slice, 'sweep', sweep, 'dropped', dropped, 'ttlset', ttlset)
end

if best then
  -- follow "copy of" links to the original (a later-inserted, earlier-published copy took its place)
  local root = best
  for _ = 1, 8 do
    if root.root == 0 or root.root - 1 < live then break end
    local up = record(root.root - 1)
    if not up then break end
    root = up
  end
  local rootId = idOf(root.n)
  if rootId == id or idOf(best.n) == id then
    -- this very document, checked again (a retried job): it is already indexed
    save()
    return { 'original' }
  end
  local sim = bestSim
  if root.n ~= best.n then sim = similarity(root.sig) end
  local method = 'minhash'
  if root.ch == chash and sim >= 1 then method = 'content-hash' end
  if published >= 0 and root.pub ~= UNKNOWN and published < root.pub then
    -- published earlier than the indexed original: this document is the original now, and the
    -- old original becomes its copy
    insert()
    local off = (root.n % CHUNK) * R
    redis.call('SETRANGE', base .. 'r:' .. math.floor(root.n / CHUNK), off + 5, struct.pack('>I4', seq + 1))
    save()
    return { 'original', rootId, tostring(sim), method }
  end
  save()
  return { 'duplicate', rootId, tostring(sim), method }
end

insert()
save()
return { 'original' }
`;
