import { countedThing, pluralize } from '@tally/projections';

/** A figure key as a heading: `transfer:KP>RU:container` → "transfer · KP → RU · container". */
export function figureKeyLabel(key: string): string {
  return key
    .split(':')
    .map((part) => part.replace(/>/g, ' → ').replace(/-/g, ' '))
    .join(' · ');
}

/** A figure's title from what its statements say: "North Korea → Russia: containers (transfer)". */
export function figureTitle(f: {
  figureKey: string;
  subject: string | null;
  recipient: string | null;
  concept: string | null;
  unit: string | null;
  predicate: string | null;
}): string {
  const parties = [f.subject, f.recipient].filter((p): p is string => !!p).join(' → ');
  // The unit is the counted noun ("container"); the concept qualifies it ("ammunition").
  const what = countedThing(f.unit, f.concept) ?? pluralize(f.figureKey.split(':').at(-1) ?? f.figureKey, false);
  const predicate = f.predicate ?? f.figureKey.split(':')[0] ?? null;
  return `${parties ? `${parties}: ` : ''}${what}${predicate ? ` (${predicate.replace(/-/g, ' ')})` : ''}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-10-13" → "13 Oct 2023", "2024-05" → "May 2024", "2023" → "2023"; anything else as given. */
export function readableDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = months[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
