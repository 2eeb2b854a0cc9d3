import { describe, expect, it } from 'vitest';
import { Context, type TextBlock } from './blockText.ts';
import { boundToDeclaredBody } from './declaredBody.ts';
import { extractArticle } from './extractArticle.ts';
import type { PlacedBlock } from './placeBlocks.ts';

const URL = 'https://valleyledger.example/farming/frost';

const BODY = [
  "Two nights of frost in the second week of April killed about a third of the cherry blossom in the valley, the growers' cooperative said on Monday.",
  'Orchards on the lower slopes, where cold air settles, lost most; those higher up lost little.',
  'The cooperative expects a harvest of about 2,400 tonnes, against 3,600 tonnes last year.',
  'Growers who insured their crops will be paid for the loss; about half did.',
];

const POST =
  'My grandfather grew cherries on the lower slope for forty years, and he always said that the frost pocket by the river, the one below the old mill, would take the blossom one spring in five, so he planted the late varieties there, the ones that flower a week after the others, and he lost far less than his neighbours did.';

function page(declared: boolean, posts: number): string {
  const body = `<div${declared ? ' itemprop="articleBody"' : ''}>${BODY.map((p) => `<div class="txt">${p}</div>`).join('')}</div>`;
  const thread = `<div class="wide"><h3>Readers write</h3>${Array.from({ length: posts }, (_, i) => `<div class="entry"><p>${i + 1}. ${POST}</p></div>`).join('')}</div>`;
  const article = `<div class="main"><h1>Valley orchards lose a third of the cherry crop</h1>${body}</div>`;
  return `<html><head><title>Valley orchards lose a third of the cherry crop</title></head><body><div class="page">${article}${thread}</div></body></html>`;
}

describe('the body the page declares (itemprop="articleBody")', () => {
  it('ends the article where the declared body ends (a comment thread beside it is not the article)', () => {
    const text = extractArticle(page(true, 4), { url: URL }).text;
    expect(text).toBe(BODY.join('\n\n'));
    const undeclared = extractArticle(page(false, 4), { url: URL }).text;
    expect(undeclared).toContain('My grandfather');
  });

  it('takes the declared body when the chosen blocks miss most of it (a thread chosen instead)', () => {
    const block = (text: string, context: number): TextBlock => ({
      text,
      kind: 'p',
      level: 0,
      list: null,
      linkDensity: 0,
      outboundLinkDensity: 0,
      context,
    });
    const original = [
      ...BODY.map((p) => block(p, Context.article | Context.declaredBody)),
      ...[1, 2, 3].map((n) => block(`${n}. ${POST}`, 0)),
    ];
    const thread: PlacedBlock[] = original
      .slice(BODY.length)
      .map((b, i) => ({ ...b, position: BODY.length + i, before: null }));
    expect(boundToDeclaredBody(original, thread).map((b) => b.text)).toEqual(BODY);
    // A declared body of a few words is a summary or an empty wrapper: the chosen blocks stay.
    const short = [block('A short summary of the story.', Context.declaredBody), ...original.slice(BODY.length)];
    expect(boundToDeclaredBody(short, thread)).toEqual(thread);
    // Teasers that each declare a body are scattered over the page: no one body to take.
    const scattered = BODY.flatMap((p, i) => [
      block(`Other story ${i}`, 0),
      block(`Link ${i}`, 0),
      block(p, Context.declaredBody),
    ]);
    const teasers = [...scattered, ...original.slice(BODY.length)];
    const chosen = thread.map((b, i) => ({ ...b, position: scattered.length + i }));
    expect(boundToDeclaredBody(teasers, chosen)).toEqual(chosen);
  });
});
