import type { HardDoc } from './hardSet.ts';

/** A short hash of a draw's documents: recorded figures hold only for the hard set they were measured on. */
export function hardSetHash(docs: readonly HardDoc[]): string {
  let h = 0x811c9dc5;
  for (const d of docs) {
    const s = `${d.id}|${d.url}|${d.story}|${d.text}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export interface RecordedDraw {
  hardSet: string;
  links: number;
  rightLinks: number;
  copies: number;
  found: number;
  byKind: Record<string, { copies: number; found: number }>;
  falseByRelation: Record<string, number>;
}

/**
 * The index before sources' boilerplate was learned and tables were read (commit 7f98785, fingerprint
 * minhash-oph128-w4-b32r3.1, index layout 2), measured on each draw of the hard set. That code cannot
 * run beside this one (both would be `@tally/dedupe`), so its figures are recorded; when the hard set
 * changes (another hash), measure them again by running this evaluation against a checkout of that commit.
 */
export const BEFORE: { label: string; draws: Record<number, RecordedDraw> } = {
  label: 'before (7f98785)',
  draws: {
    1: {
      hardSet: '1sm9lby',
      links: 154,
      rightLinks: 112,
      copies: 144,
      found: 114,
      byKind: {
        'update-same-outlet': { copies: 21, found: 20 },
        'update-other-outlet': { copies: 24, found: 19 },
        syndicated: { copies: 77, found: 64 },
        'table-syndicated': { copies: 10, found: 0 },
        'update-same-outlet-again': { copies: 10, found: 9 },
        'update-other-outlet-again': { copies: 2, found: 2 },
      },
      falseByRelation: { 'different stories, same outlet': 26, 'tables, same outlet': 16 },
    },
    2: {
      hardSet: '176adi',
      links: 141,
      rightLinks: 103,
      copies: 138,
      found: 104,
      byKind: {
        'update-other-outlet': { copies: 19, found: 13 },
        syndicated: { copies: 72, found: 60 },
        'table-syndicated': { copies: 10, found: 0 },
        'update-same-outlet': { copies: 19, found: 17 },
        'update-same-outlet-again': { copies: 9, found: 9 },
        'update-other-outlet-again': { copies: 6, found: 5 },
        'table-corrected': { copies: 3, found: 0 },
      },
      falseByRelation: { 'different stories, same outlet': 24, 'tables, same outlet': 14 },
    },
    3: {
      hardSet: '1r5kfjj',
      links: 152,
      rightLinks: 123,
      copies: 154,
      found: 125,
      byKind: {
        'update-same-outlet': { copies: 32, found: 31 },
        syndicated: { copies: 81, found: 67 },
        'table-syndicated': { copies: 6, found: 0 },
        'update-other-outlet': { copies: 19, found: 16 },
        'table-corrected': { copies: 3, found: 0 },
        'update-same-outlet-again': { copies: 9, found: 9 },
        'update-other-outlet-again': { copies: 4, found: 2 },
      },
      falseByRelation: { 'tables, same outlet': 19, 'different stories, same outlet': 9, 'tables, other outlets': 1 },
    },
    4: {
      hardSet: 'dwyjd0',
      links: 142,
      rightLinks: 112,
      copies: 136,
      found: 114,
      byKind: {
        'table-syndicated': { copies: 9, found: 0 },
        syndicated: { copies: 80, found: 72 },
        'update-other-outlet': { copies: 16, found: 14 },
        'update-other-outlet-again': { copies: 9, found: 9 },
        'update-same-outlet': { copies: 18, found: 17 },
        'update-same-outlet-again': { copies: 3, found: 2 },
        'table-corrected': { copies: 1, found: 0 },
      },
      falseByRelation: { 'different stories, same outlet': 12, 'tables, same outlet': 18 },
    },
    5: {
      hardSet: '1ukgj4j',
      links: 140,
      rightLinks: 105,
      copies: 130,
      found: 105,
      byKind: {
        'table-syndicated': { copies: 8, found: 0 },
        syndicated: { copies: 64, found: 55 },
        'update-other-outlet': { copies: 16, found: 15 },
        'update-same-outlet': { copies: 23, found: 21 },
        'update-same-outlet-again': { copies: 6, found: 5 },
        'update-other-outlet-again': { copies: 9, found: 9 },
        'table-corrected': { copies: 4, found: 0 },
      },
      falseByRelation: { 'different stories, same outlet': 15, 'tables, same outlet': 20 },
    },
    6: {
      hardSet: '1mr4lot',
      links: 129,
      rightLinks: 96,
      copies: 126,
      found: 101,
      byKind: {
        'update-same-outlet': { copies: 34, found: 30 },
        syndicated: { copies: 63, found: 51 },
        'table-syndicated': { copies: 6, found: 0 },
        'update-other-outlet': { copies: 9, found: 7 },
        'update-other-outlet-again': { copies: 4, found: 4 },
        'update-same-outlet-again': { copies: 9, found: 9 },
        'table-corrected': { copies: 1, found: 0 },
      },
      falseByRelation: { 'different stories, same outlet': 22, 'tables, same outlet': 11 },
    },
    7: {
      hardSet: 'tmspcu',
      links: 164,
      rightLinks: 118,
      copies: 151,
      found: 119,
      byKind: {
        syndicated: { copies: 80, found: 70 },
        'update-same-outlet': { copies: 23, found: 21 },
        'update-same-outlet-again': { copies: 6, found: 6 },
        'table-syndicated': { copies: 10, found: 0 },
        'update-other-outlet': { copies: 21, found: 17 },
        'update-other-outlet-again': { copies: 7, found: 5 },
        'table-corrected': { copies: 4, found: 0 },
      },
      falseByRelation: { 'tables, same outlet': 23, 'different stories, same outlet': 23 },
    },
    8: {
      hardSet: 'q0yea8',
      links: 125,
      rightLinks: 96,
      copies: 126,
      found: 99,
      byKind: {
        'table-corrected': { copies: 5, found: 1 },
        'table-syndicated': { copies: 5, found: 0 },
        'update-same-outlet': { copies: 18, found: 17 },
        syndicated: { copies: 72, found: 57 },
        'update-other-outlet': { copies: 16, found: 14 },
        'update-same-outlet-again': { copies: 7, found: 7 },
        'update-other-outlet-again': { copies: 3, found: 3 },
      },
      falseByRelation: { 'different stories, same outlet': 11, 'tables, same outlet': 18 },
    },
    9: {
      hardSet: '19oepwz',
      links: 128,
      rightLinks: 98,
      copies: 120,
      found: 100,
      byKind: {
        syndicated: { copies: 59, found: 50 },
        'table-corrected': { copies: 4, found: 1 },
        'update-other-outlet': { copies: 10, found: 9 },
        'table-syndicated': { copies: 7, found: 0 },
        'update-other-outlet-again': { copies: 3, found: 3 },
        'update-same-outlet': { copies: 27, found: 27 },
        'update-same-outlet-again': { copies: 10, found: 10 },
      },
      falseByRelation: { 'different stories, same outlet': 12, 'tables, same outlet': 18 },
    },
    10: {
      hardSet: 'mfnt20',
      links: 135,
      rightLinks: 111,
      copies: 127,
      found: 112,
      byKind: {
        'update-same-outlet': { copies: 29, found: 29 },
        'table-syndicated': { copies: 4, found: 0 },
        'table-corrected': { copies: 5, found: 1 },
        syndicated: { copies: 71, found: 64 },
        'update-other-outlet': { copies: 10, found: 10 },
        'update-other-outlet-again': { copies: 2, found: 2 },
        'update-same-outlet-again': { copies: 6, found: 6 },
      },
      falseByRelation: { 'different stories, same outlet': 4, 'tables, same outlet': 20 },
    },
  },
};
