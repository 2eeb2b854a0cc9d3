/**
 * The check-and-insert, one Lua script, so that it is atomic: two copies of one text checked at the
 * same moment by two workers are serialised by Redis, and the second sees the first.
 *
 * Layout (every key starts with the `{prefix}` hash tag, so all live in one Redis Cluster slot; the
 * script builds bucket and chunk keys itself, which Redis Cluster allows within the slot of its
 * declared keys):
 *
 * - `m` (hash): linear-hashing state `L`, `s` (level, split pointer), `E` (band entries), `seq` (last
 *   document number), `live` (first live document number), `slice` (current time slice), `sweep` (next bucket to
 *   clean), `dropped` (first record chunk not yet deleted).
 * - `t` (hash): time slice start (ms) → first document number of that slice.
 * - `b:<n>` (hash, small → listpack): band hash → document number(s), `12` or `12,873`. The bucket
 *   count grows by linear hashing (one bucket split at a time) so that buckets stay small enough
 *   for Redis' compact listpack encoding (~11 bytes an entry) at 10 thousand or 10 million documents.
 * - `r:<c>` (string): fixed-size records of 128 documents: flag, published (s), copy-of (n + 1),
 *   content hash, 128-byte compact signature.
 * - `i:<c>` (hash): document number → id, for the same 128 documents.
 *
 * Expiry: the window is cut into 32 time slices; a document is live while its slice is younger than
 * the window. Numbers below `live` are dead: they are skipped at once, pruned from a band entry when
 * it is next written or when a bucket is split, and by a sweep that cleans one bucket per insert.
 * Record and id chunks are deleted once all their documents are dead, and carry a TTL past their
 * newest document's expiry in case ingestion stops.
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
-- band hashes: 4 bytes each, big-endian (one argument instead of 32 keeps the client side cheap)
local nbands = #ARGV[9] / 4
local bandNum, bandField = {}, {}
for i = 1, nbands do
  bandNum[i] = struct.unpack('>I4', ARGV[9], (i - 1) * 4 + 1)
  bandField[i] = tostring(bandNum[i])
end
local K = #sig
local R = 13 + K
local CHUNK = 128
local N0 = 16
local TARGET = 40
local UNKNOWN = 4294967295
local SLICES = 32

local m = redis.call('HMGET', meta, 'L', 's', 'E', 'seq', 'live', 'slice', 'sweep', 'dropped')
local L = tonumber(m[1]) or 0
local split = tonumber(m[2]) or 0
local E = tonumber(m[3]) or 0
local seq = tonumber(m[4]) or 0
local live = tonumber(m[5]) or 1
local slice = tonumber(m[6]) or -1
local sweep = tonumber(m[7]) or 0
local dropped = tonumber(m[8]) or 0
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

-- keeps the live document numbers of a band entry; nil when none is left
local function prune(v)
  local kept = nil
  for s in string.gmatch(v, '%d+') do
    if tonumber(s) >= live then
      if kept then kept = kept .. ',' .. s else kept = s end
    end
  end
  return kept
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

-- candidates: live documents sharing a band
local values = {}
local candidates = {}
local seen = {}
for i = 1, nbands do
  local h = bandField[i]
  local v = redis.call('HGET', base .. 'b:' .. addr(bandNum[i]), h)
  values[i] = v
  if v then
    for s in string.gmatch(v, '%d+') do
      local n = tonumber(s)
      if n >= live and not seen[n] then
        seen[n] = true
        candidates[#candidates + 1] = n
      end
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
  local all = redis.call('HGETALL', oldKey)
  redis.call('DEL', oldKey)
  local keep, move = {}, {}
  for i = 1, #all, 2 do
    local v = prune(all[i + 1])
    if v == nil then
      E = E - 1
    elseif tonumber(all[i]) % (2 * B0) == split then
      keep[#keep + 1] = all[i]
      keep[#keep + 1] = v
    else
      move[#move + 1] = all[i]
      move[#move + 1] = v
    end
  end
  if #keep > 0 then redis.call('HSET', oldKey, unpack(keep)) end
  if #move > 0 then redis.call('HSET', base .. 'b:' .. (split + B0), unpack(move)) end
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
  local all = redis.call('HGETALL', key)
  for i = 1, #all, 2 do
    local v = prune(all[i + 1])
    if v == nil then
      redis.call('HDEL', key, all[i])
      E = E - 1
    elseif v ~= all[i + 1] then
      redis.call('HSET', key, all[i], v)
    end
  end
  sweep = sweep + 1
end

local function insert()
  seq = seq + 1
  local chunk = math.floor(seq / CHUNK)
  local ttl = cur + windowMs + sliceMs - now
  local rkey, ikey = base .. 'r:' .. chunk, base .. 'i:' .. chunk
  local pub = UNKNOWN
  if published >= 0 then pub = published end
  redis.call('SETRANGE', rkey, (seq % CHUNK) * R, struct.pack('>BI4I4I4', 1, pub, 0, chash) .. sig)
  redis.call('HSET', ikey, seq, id)
  redis.call('PEXPIRE', rkey, ttl)
  redis.call('PEXPIRE', ikey, ttl)
  for i = 1, nbands do
    local h = bandField[i]
    local key = base .. 'b:' .. addr(bandNum[i])
    local v = values[i]
    if v then
      -- the bucket may have been split by an earlier band of this insert: read again
      v = redis.call('HGET', key, h)
    end
    if v then
      local kept = prune(v)
      if kept then
        redis.call('HSET', key, h, kept .. ',' .. seq)
      else
        redis.call('HSET', key, h, seq)
      end
    else
      redis.call('HSET', key, h, seq)
      E = E + 1
    end
    if E > TARGET * (B0 + split) then splitBucket() end
  end
  if live > 1 then sweepBucket() end
end

local function save()
  redis.call('HSET', meta, 'L', L, 's', split, 'E', E, 'seq', seq, 'live', live, 'slice', slice, 'sweep', sweep, 'dropped', dropped)
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
