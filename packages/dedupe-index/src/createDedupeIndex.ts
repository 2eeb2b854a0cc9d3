import {
  bandHashes,
  compactSignature,
  DEDUPE_VERSION,
  DEFAULT_SAME_SOURCE_THRESHOLD,
  DEFAULT_THRESHOLD,
  type Fingerprint,
  fingerprint,
  LSH_BANDS,
  readText,
} from '@tally/dedupe';
import type { ChainableCommander, Redis } from 'ioredis';
import type { DedupeIndexOptions } from './DedupeIndexOptions.ts';
import { CHECK_AND_INSERT_LUA } from './luaScripts.ts';

export type { DedupeIndexOptions };

import {
  boilerplateBins,
  createSourceBoilerplate,
  sourceOf,
  sourceTag,
  wholeTextArgument,
} from './sourceBoilerplate.ts';

export interface DedupeDocument {
  id: string;
  /** Text from extraction. */
  text: string;
  /** ISO 8601; decides which of two copies is the original. */
  publishedAt?: string | null;
  /**
   * The article's address. Its host names the source (the outlet): the sentences a source repeats
   * across its own articles (footers, disclaimers, newsletter boxes, "about us") are learned and left
   * out of its fingerprints, and two articles of one source need `sameSourceThreshold`. Without it
   * the text is fingerprinted whole, as from an unknown source.
   */
  url?: string | null;
}

export interface FingerprintedDocument {
  id: string;
  publishedAt?: string | null;
  /** The article's address: only its source counts here (for `sameSourceThreshold`). */
  url?: string | null;
  fingerprint: Fingerprint;
}

export type DuplicateMethod = 'minhash' | 'simhash' | 'content-hash';

/** The verdict on one document. */
export type DedupeVerdict =
  | {
      verdict: 'original';
      /**
       * Set when this document was published before the indexed original it matches: this one is
       * the original from now on, and `replaced.id` (indexed earlier, published later) is its copy.
       * Checked again (a retried job), the document gets the same `replaced`: the copy is still to be
       * credited to it if the first run did not record that.
       */
      replaced?: { id: string; similarity: number; method: DuplicateMethod };
    }
  | { verdict: 'duplicate'; originalId: string; similarity: number; method: DuplicateMethod };

export interface DedupeIndexStats {
  /** Live indexed documents (originals inside the window; copies are not indexed). */
  documents: number;
  /** Redis memory of all the index's keys (`MEMORY USAGE`, summed). */
  bytes: number;
  /** `bytes / documents`, 0 when empty. */
  bytesPerDocument: number;
  keys: number;
}

export interface DedupeIndex {
  /** Checks a document against the index and, when it is an original, adds it, in one atomic step. */
  checkAndInsert(doc: DedupeDocument): Promise<DedupeVerdict>;
  /** The same for many documents, pipelined in one round trip; verdicts in input order, applied in input order. */
  checkAndInsertMany(docs: readonly DedupeDocument[]): Promise<DedupeVerdict[]>;
  /**
   * The same for documents fingerprinted already (`fingerprint()` of `@tally/dedupe`, default
   * options): for callers that fingerprint elsewhere, and for filling an index in benchmarks.
   */
  checkAndInsertFingerprinted(docs: readonly FingerprintedDocument[]): Promise<DedupeVerdict[]>;
  stats(): Promise<DedupeIndexStats>;
  /** Deletes every key of this index; returns how many. */
  clear(): Promise<number>;
}

const COMMAND = 'tallyDedupeCheckAndInsert';

type ScriptArgs = (string | Buffer | number)[];
interface WithScript {
  [COMMAND](...args: ScriptArgs): Promise<unknown>;
}

function ensureCommand(redis: Redis): void {
  if (typeof (redis as unknown as Partial<WithScript>)[COMMAND] !== 'function') {
    redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: CHECK_AND_INSERT_LUA });
  }
}

/**
 * The index's own layout, beside the fingerprint's version: 2 keeps the buckets as fields of one
 * hash (1 had a string key per bucket). Indexes of another layout are not read; they expire.
 */
const INDEX_LAYOUT = 3;

/** A short, stable tag of the fingerprint version and index layout for key names: versions never share keys. */
function versionTag(): string {
  const version = `${DEDUPE_VERSION}/index-${INDEX_LAYOUT}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < version.length; i++) h = Math.imul(h ^ version.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const round = (x: string | undefined) => Math.round(Number(x) * 10_000) / 10_000;

const NO_SENTENCES = new Uint32Array(0);

/** A document ready for the script, with what its source's boilerplate put in its bins when some was left out. */
interface Prepared extends FingerprintedDocument {
  sourceBins?: Buffer | undefined;
  /** For a document mostly made of what its source repeats: its whole text's signature and band hashes. */
  wholeText?: Buffer | undefined;
}

/** A document as the script receives it: published, content hash, source tag, compact signature, band hashes. */
const PACKED_DOCUMENT = 4 + 4 + 2 + 128 + 4 * LSH_BANDS;
const UNKNOWN_PUBLISHED = 0xffffffff;

function parseVerdicts(reply: unknown, expected: number): DedupeVerdict[] {
  if (!Array.isArray(reply) || reply.length !== expected)
    throw new Error(`unexpected dedupe reply: ${expected} verdicts expected, got ${String(reply)}`);
  return reply.map(parseVerdict);
}

function parseVerdict(reply: unknown): DedupeVerdict {
  if (!Array.isArray(reply) || typeof reply[0] !== 'string')
    throw new Error(`unexpected dedupe reply: ${String(reply)}`);
  const [kind, id, similarity, method] = reply as [string, string?, string?, string?];
  if (kind === 'duplicate') {
    return {
      verdict: 'duplicate',
      originalId: String(id),
      similarity: round(similarity),
      method: method as DuplicateMethod,
    };
  }
  if (id !== undefined) {
    return { verdict: 'original', replaced: { id, similarity: round(similarity), method: method as DuplicateMethod } };
  }
  return { verdict: 'original' };
}

export function createDedupeIndex(redis: Redis, options: DedupeIndexOptions = {}): DedupeIndex {
  const prefix = options.prefix ?? 'tally:dedupe';
  if (/[{}]/.test(prefix)) throw new RangeError(`prefix must not contain braces (it becomes the hash tag): ${prefix}`);
  const windowDays = options.windowDays ?? 30;
  if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be within (0, 1], got ${threshold}`);
  const sameSourceThreshold = options.sameSourceThreshold ?? Math.max(threshold, DEFAULT_SAME_SOURCE_THRESHOLD);
  if (!(sameSourceThreshold > 0 && sameSourceThreshold <= 1))
    throw new RangeError(`sameSourceThreshold must be within (0, 1], got ${sameSourceThreshold}`);
  const need = options.sourceBoilerplate ?? 3;
  if (need !== false && !(Number.isInteger(need) && need >= 1 && need <= 3))
    throw new RangeError(`sourceBoilerplate must be 1 to 3 documents or false, got ${need}`);
  const sourceMemory = options.sourceMemory ?? 512;
  if (!(Number.isInteger(sourceMemory) && sourceMemory >= 16))
    throw new RangeError(`sourceMemory must be an integer of at least 16, got ${sourceMemory}`);
  const wholeTextBelow = options.wholeTextBelow ?? 0.5;
  if (!(wholeTextBelow >= 0 && wholeTextBelow <= 1))
    throw new RangeError(`wholeTextBelow must be within [0, 1], got ${wholeTextBelow}`);
  const windowMs = Math.round(windowDays * 86_400_000);
  const base = `{${prefix}}:${versionTag()}:`;
  const keys = [`${base}m`, `${base}t`];
  ensureCommand(redis);
  const boilerplate =
    need === false ? null : createSourceBoilerplate(redis, { base, need, cap: sourceMemory, ttlMs: windowMs });

  /**
   * Texts read and fingerprinted, the sentences their sources repeat left out: the model is asked
   * for the whole request in one round trip (and learns from it in the same step), in order.
   */
  const fingerprinted = async (docs: readonly DedupeDocument[]): Promise<Prepared[]> => {
    const sources = docs.map((d) => (boilerplate ? sourceOf(d.url) : null));
    // a text of no known source is fingerprinted whole in one pass, without its sentences
    const read = docs.map((d, i) => (sources[i] === null ? null : readText(d.text)));
    const ignore =
      boilerplate && read.some((r) => r !== null)
        ? await boilerplate.learn(
            docs.map((d, i) => ({
              id: d.id,
              source: sources[i] ?? null,
              sentences: read[i]?.sentenceHashes ?? NO_SENTENCES,
            })),
          )
        : [];
    return docs.map((d, i) => {
      const r = read[i];
      const left = ignore[i];
      const prepared = { id: d.id, publishedAt: d.publishedAt, url: d.url };
      if (!r) return { ...prepared, fingerprint: fingerprint(d.text) };
      if (!left) return { ...prepared, fingerprint: fingerprint(r) };
      const kept = fingerprint(r, { ignore: left });
      const repeated = fingerprint(r, { only: left });
      const sourceBins = boilerplateBins(repeated);
      if (kept.shingleCount === 0) {
        // nothing but what the source repeats: only the whole text can be checked
        const whole = fingerprint(r);
        return { ...prepared, fingerprint: whole, sourceBins, wholeText: wholeTextArgument(whole, true) };
      }
      const mostlyRepeated = kept.shingleCount < wholeTextBelow * (kept.shingleCount + repeated.shingleCount);
      return {
        ...prepared,
        fingerprint: kept,
        sourceBins,
        wholeText: mostlyRepeated ? wholeTextArgument(fingerprint(r), false) : undefined,
      };
    });
  };

  const batchSize = options.batchSize ?? 16;
  if (!(Number.isInteger(batchSize) && batchSize >= 1))
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  /** One script call's arguments: the common ones, the documents packed in one binary string, their ids. */
  const args = (docs: readonly Prepared[]): ScriptArgs => {
    const packed = Buffer.allocUnsafe(docs.length * PACKED_DOCUMENT);
    const ids: string[] = [];
    docs.forEach((doc, d) => {
      const fp = doc.fingerprint;
      const at = d * PACKED_DOCUMENT;
      const published = doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NaN;
      packed.writeUInt32BE(
        Number.isNaN(published) || published < 0
          ? UNKNOWN_PUBLISHED
          : Math.min(Math.floor(published / 1000), 0xfffffffe),
        at,
      );
      packed.writeUInt32BE(fp.contentHash >>> 0, at + 4);
      packed.writeUInt16BE(sourceTag(sourceOf(doc.url)), at + 8);
      const sig = compactSignature(fp);
      packed.set(sig, at + 10);
      const bands = bandHashes(fp);
      for (let i = 0; i < bands.length; i++) packed.writeUInt32BE(bands[i]!, at + 10 + sig.length + i * 4);
      ids.push(doc.id);
    });
    return [
      ...keys,
      base,
      options.now ? String(Math.floor(options.now())) : '',
      windowMs,
      threshold,
      sameSourceThreshold,
      docs.length,
      packed,
      ...ids,
      ...docs.map((d) => d.sourceBins ?? ''),
      ...docs.map((d) => d.wholeText ?? ''),
    ];
  };

  /**
   * Checks in input order: batches of `batchSize` documents per script call, the calls pipelined in
   * one round trip. A text without words has nothing to compare: an original, not indexed.
   */
  const pipelined = async (docs: readonly Prepared[]): Promise<DedupeVerdict[]> => {
    const verdicts: DedupeVerdict[] = docs.map(() => ({ verdict: 'original' }));
    const sent: number[] = [];
    docs.forEach((d, i) => {
      if (d.fingerprint.shingleCount > 0) sent.push(i);
    });
    if (sent.length === 0) return verdicts;
    const pipeline = redis.pipeline() as ChainableCommander & { [COMMAND](...a: ScriptArgs): unknown };
    const batches: number[][] = [];
    for (let i = 0; i < sent.length; i += batchSize) {
      const batch = sent.slice(i, i + batchSize);
      batches.push(batch);
      pipeline[COMMAND](...args(batch.map((j) => docs[j]!)));
    }
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([err, reply], b) => {
      if (err) throw err;
      const batch = batches[b]!;
      parseVerdicts(reply, batch.length).forEach((v, j) => {
        verdicts[batch[j]!] = v;
      });
    });
    return verdicts;
  };

  return {
    async checkAndInsert(doc) {
      const [fp] = await fingerprinted([doc]);
      if (fp!.fingerprint.shingleCount === 0) return { verdict: 'original' };
      const reply = await (redis as unknown as WithScript)[COMMAND](...args([fp!]));
      return parseVerdicts(reply, 1)[0]!;
    },

    async checkAndInsertMany(docs) {
      return pipelined(await fingerprinted(docs));
    },

    async checkAndInsertFingerprinted(docs) {
      for (const d of docs) {
        if (d.fingerprint.minhash.length !== 128) {
          throw new RangeError(`expected a 128-bin fingerprint (default options), got ${d.fingerprint.minhash.length}`);
        }
      }
      return pipelined(docs);
    },

    async stats() {
      const meta = await redis.hmget(keys[0]!, 'seq', 'live');
      const seq = Number(meta[0] ?? 0);
      const live = Number(meta[1] ?? 1);
      const documents = Math.max(0, seq - live + 1);
      let bytes = 0;
      let count = 0;
      for (const batch of await scanKeys(redis, base)) {
        const p = redis.pipeline();
        for (const k of batch) p.memory('USAGE', k, 'SAMPLES', '0');
        for (const [err, n] of (await p.exec()) ?? []) {
          if (!err && typeof n === 'number') {
            bytes += n;
            count++;
          }
        }
      }
      return { documents, bytes, bytesPerDocument: documents > 0 ? bytes / documents : 0, keys: count };
    },

    async clear() {
      let deleted = 0;
      for (const batch of await scanKeys(redis, base)) deleted += await redis.unlink(...batch);
      return deleted;
    },
  };
}

/** All keys of the index, in batches of up to 1,000. */
async function scanKeys(redis: Redis, base: string): Promise<string[][]> {
  const pattern = `${base.replace(/[*?[\]\\]/g, '\\$&')}*`;
  const batches: string[][] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (found.length > 0) batches.push(found);
  } while (cursor !== '0');
  return batches;
}
