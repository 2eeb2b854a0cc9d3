import { bandHashes, compactSignature, type Fingerprint } from '@tally/dedupe';
import type { ChainableCommander, Redis } from 'ioredis';
import { SOURCE_SENTENCES_LUA } from './luaScripts.ts';

/**
 * The source of an article for the boilerplate model: its address's host name in lower case without
 * a leading "www." (`https://www.example.com/a` and `https://example.com/b` are one outlet; another
 * subdomain, with its own templates, is another). Null without a parseable http(s) address.
 */
export function sourceOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\d*\./, '').replace(/\.$/, '');
  return host.length > 0 ? host : null;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h ^ (h >>> 16)) >>> 0;
}

/** 16 bits naming a source in the index's records (0: unknown). Two sources sharing one only share the stricter threshold. */
export function sourceTag(source: string | null): number {
  if (source === null) return 0;
  return hash32(source) % 0xffff || 1;
}

/** 2 bytes telling a document from the others of its source (the model counts documents, not repeats of one). */
function documentTag(id: string): Buffer {
  const b = Buffer.allocUnsafe(2);
  b.writeUInt16BE(hash32(id) & 0xffff);
  return b;
}

/** At most this many sentences of one document are looked up (a long page's first ones). */
const MAX_SENTENCES = 512;

const COMMAND = 'tallyDedupeSourceSentences';
type ScriptArgs = (string | Buffer | number)[];

export interface SourceBoilerplateOptions {
  /** Key prefix of the index (`{prefix}:<tag>:`); the model's keys are `<base>s:<source>:c|p|f`. */
  base: string;
  /** Other documents of the source that must have a sentence before it is boilerplate. */
  need: number;
  /** Sentences remembered per source and generation. */
  cap: number;
  /** How long a source that publishes nothing more is remembered, in ms. */
  ttlMs: number;
}

export interface BoilerplateQuery {
  id: string;
  source: string | null;
  sentences: Uint32Array;
}

/**
 * The per-source boilerplate model on Redis (see sourceSentences.lua). `learn` answers, for each
 * document in order, the sentences its source repeats, and records the document's sentences: the
 * calls of one request are pipelined in one round trip and run in order, so each document of a
 * request is answered with the ones before it counted.
 */
export function createSourceBoilerplate(redis: Redis, options: SourceBoilerplateOptions) {
  if (typeof (redis as unknown as Record<string, unknown>)[COMMAND] !== 'function') {
    redis.defineCommand(COMMAND, { numberOfKeys: 3, lua: SOURCE_SENTENCES_LUA });
  }
  return {
    async learn(docs: readonly BoilerplateQuery[]): Promise<(Set<number> | undefined)[]> {
      const out: (Set<number> | undefined)[] = docs.map(() => undefined);
      const asked: number[] = [];
      const pipeline = redis.pipeline() as ChainableCommander & { [COMMAND](...a: ScriptArgs): unknown };
      docs.forEach((d, i) => {
        if (d.source === null || d.sentences.length === 0) return;
        const sentences = d.sentences.subarray(0, MAX_SENTENCES);
        const packed = Buffer.allocUnsafe(sentences.length * 4);
        for (let j = 0; j < sentences.length; j++) packed.writeUInt32BE(sentences[j]!, j * 4);
        const key = `${options.base}s:${d.source}:`;
        pipeline[COMMAND](
          `${key}c`,
          `${key}p`,
          `${key}f`,
          documentTag(d.id),
          options.need,
          options.cap,
          options.ttlMs,
          packed,
        );
        asked.push(i);
      });
      if (asked.length === 0) return out;
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([err, reply], j) => {
        if (err) throw err;
        const i = asked[j]!;
        const flags = String(reply);
        const sentences = docs[i]!.sentences;
        const ignore = new Set<number>();
        for (let k = 0; k < flags.length; k++) if (flags.charCodeAt(k) === 0x31) ignore.add(sentences[k]!);
        out[i] = ignore.size > 0 ? ignore : undefined;
      });
      return out;
    },
  };
}

/**
 * The bins a fingerprint of boilerplate alone fills (its minimum fell in the bin, not densified): their
 * compact values, then a 16-byte mask of those bins (sourceBins.lua).
 */
export function boilerplateBins(fp: Fingerprint): Buffer | undefined {
  if (fp.shingleCount === 0) return undefined;
  const bins = fp.minhash.length;
  const shift = 32 - Math.log2(bins);
  const out = Buffer.alloc(bins + bins / 8);
  for (let b = 0; b < bins; b++) {
    const h = fp.minhash[b]!;
    if (h >>> shift === b) {
      out[b] = h & 0xff;
      out[bins + (b >> 3)]! |= 1 << (b & 7);
    }
  }
  return out;
}

/** The script's `whole` argument: 1 when nothing was kept (the fingerprint sent is the whole text's), its signature, its band hashes. */
export function wholeTextArgument(fp: Fingerprint, nothingKept: boolean): Buffer {
  const sig = compactSignature(fp);
  const bands = bandHashes(fp);
  const out = Buffer.allocUnsafe(1 + sig.length + bands.length * 4);
  out[0] = nothingKept ? 1 : 0;
  out.set(sig, 1);
  for (let i = 0; i < bands.length; i++) out.writeUInt32BE(bands[i]!, 1 + sig.length + i * 4);
  return out;
}
