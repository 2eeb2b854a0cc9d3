import type { OutletIdentity } from './outletIdentity.ts';
import type { Story } from './outlets.ts';
import { int, pick, type Random } from './random.ts';

/**
 * What republishing does to a story's text before the new outlet prints it with its own boilerplate:
 * syndicated copies (new headline, dateline, credit and tracking links, house style, a paragraph cut
 * or the end trimmed, a few words changed) and updated versions (an UPDATE line, related paragraphs
 * added, the lede amended). Returns the story and the names of the edits applied.
 */

const HOUSE_STYLE: [RegExp, string][] = [
  [/ per cent\b/g, '%'],
  [/\bUS\b/g, 'U.S.'],
  [/\bUK\b/g, 'U.K.'],
  [/\bMr /g, 'Mr. '],
  [/\bMrs /g, 'Mrs. '],
  [/(\w)ise\b/g, '$1ize'],
  [/(\w)ised\b/g, '$1ized'],
  [/(\w)isation\b/g, '$1ization'],
  [/\bcolour/g, 'color'],
  [/\bcentre\b/g, 'center'],
  [/\blabour\b/g, 'labor'],
  [/ on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, ' $1'],
];

const REWORDINGS: [RegExp, string][] = [
  [/\bsaid\b/, 'told reporters'],
  [/\bhowever\b/i, 'but'],
  [/\babout\b/, 'around'],
  [/\bincrease\b/, 'rise'],
  [/\bbecause\b/, 'as'],
  [/\balso\b/, 'additionally'],
  [/\bbegan\b/, 'started'],
  [/\bbuy\b/, 'purchase'],
];

function headline(r: Random, title: string): string {
  return pick(r, [
    `${title} – report`,
    `${title}: what we know`,
    title.replace(/^\w/, (c) => c.toLowerCase()).replace(/^/, 'Explained: '),
    title.split(/[,:;–—-]/)[0]!.trim(),
    `${title.toUpperCase()}`,
  ]);
}

function trackingUrl(r: Random, host: string): string {
  const slug = Math.floor(r() * 36 ** 8).toString(36);
  return `https://${host}/${int(r, 2019, 2025)}/${int(r, 1, 12)}/${slug}?utm_source=${pick(r, ['rss', 'syndication', 'partner', 'newsletter'])}&utm_medium=${pick(r, ['referral', 'feed', 'email'])}&utm_campaign=${slug.slice(0, 4)}${pick(r, ['', `&fbclid=IwAR${slug}`, `&gclid=${slug}x`])}`;
}

const applyAll = (s: string, rules: [RegExp, string][]) => rules.reduce((t, [from, to]) => t.replace(from, to), s);

export function syndicatedCopy(r: Random, story: Story, source: OutletIdentity): { story: Story; edits: string[] } {
  const edits = ['headline'];
  let paragraphs = [...story.paragraphs];
  if (r() < 0.5 && paragraphs.length > 0) {
    paragraphs[0] = `${source.city.toUpperCase()} (${source.name.replace(/^The /, '')}) — ${paragraphs[0]}`;
    edits.push('dateline');
  }
  if (r() < 0.5) {
    paragraphs = paragraphs.map((p) => applyAll(p, HOUSE_STYLE));
    edits.push('house-style');
  }
  if (r() < 0.4) {
    paragraphs = paragraphs.map((p) => p.replace(/["“”]/g, (q) => (q === '"' ? '“' : '"')).replace(/ — /g, ' -- '));
    edits.push('typography');
  }
  if (r() < 0.4) {
    const which = int(r, 0, Math.max(0, paragraphs.length - 1));
    let p = paragraphs[which]!;
    for (const [from, to] of REWORDINGS) if (r() < 0.5) p = p.replace(from, to);
    paragraphs[which] = p;
    edits.push('reworded');
  }
  if (r() < 0.3 && paragraphs.length > 4) {
    paragraphs.splice(int(r, 1, paragraphs.length - 1), 1);
    edits.push('paragraph-cut');
  } else if (r() < 0.2 && paragraphs.length > 6) {
    paragraphs = paragraphs.slice(0, Math.ceil(paragraphs.length * (0.75 + r() * 0.15)));
    edits.push('trimmed');
  }
  if (r() < 0.3 && paragraphs.length > 2) {
    const which = int(r, 1, paragraphs.length - 1);
    paragraphs[which] = `${paragraphs[which]} (${trackingUrl(r, source.host)})`;
    edits.push('inline-link');
  }
  if (r() < 0.6) {
    paragraphs.push(`This story was originally published by ${source.name} and is republished with permission.`);
    paragraphs.push(`Originally published at ${trackingUrl(r, source.host)}`);
    edits.push('credit+tracking');
  }
  return { story: { title: headline(r, story.title), paragraphs }, edits };
}

function updateLine(r: Random, when: Date): string {
  const t = when.toISOString().slice(11, 16);
  return pick(r, [
    `UPDATE: This story has been updated with ${pick(r, ['comment from officials', 'new figures', 'additional reporting', 'a statement from the company', 'reaction'])}.`,
    `Updated at ${t} GMT with ${pick(r, ['further details', 'background', 'new information'])}.`,
    `UPDATE ${t}: Adds ${pick(r, ['reaction', 'details', 'context', 'quotes'])} throughout.`,
    `Editor's note: This article was updated on ${when.toUTCString().slice(0, 16)} to include the latest information.`,
    'This is a developing story and will be updated.',
  ]);
}

/**
 * An updated version: an update line on top, one to three related paragraphs (from another article:
 * background, reaction, what happened next) added after the lede or at the end, sometimes the lede
 * amended or the last paragraph dropped.
 */
export function updatedVersion(
  r: Random,
  story: Story,
  related: string[],
  when: Date,
): { story: Story; edits: string[] } {
  const edits = ['update-line'];
  const paragraphs = [updateLine(r, when), ...story.paragraphs];
  const added = [...related];
  if (added.length > 0) {
    const at = r() < 0.5 ? paragraphs.length : Math.min(3, paragraphs.length);
    if (r() < 0.4) added.unshift(pick(r, ['Related', 'Background', 'What happened next', 'Reaction']));
    paragraphs.splice(at, 0, ...added);
    edits.push(`related-${added.length}`);
  }
  if (r() < 0.3 && paragraphs.length > 2) {
    paragraphs[1] = `${paragraphs[1]} ${pick(r, ['Officials confirmed the details later in the day.', 'The figures were confirmed in a statement.', 'More details are expected in the coming days.'])}`;
    edits.push('lede-amended');
  }
  if (r() < 0.2 && paragraphs.length > 6) {
    paragraphs.pop();
    edits.push('last-paragraph-dropped');
  }
  return { story: { title: r() < 0.5 ? story.title : `${story.title} (updated)`, paragraphs }, edits };
}
