/**
 * 32-bit hashing primitives. Everything here runs on `Math.imul` and unsigned shifts: fingerprinting
 * tens of thousands of documents per second in JavaScript leaves no room for BigInt or crypto hashes.
 */

/** MurmurHash3's finalizer: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more 32-bit value (order-dependent). */
export function combine32(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units, finalized: for short keys (words, labels). */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}
