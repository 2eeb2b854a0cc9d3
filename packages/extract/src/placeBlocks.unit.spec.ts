import { describe, expect, it } from 'vitest';
import { extractArticle } from './extractArticle.ts';

const URL = 'https://news.example/world/containers';

const BODY = [
  'The White House said on Friday that North Korea had delivered more than 1,000 containers of military equipment and munitions to Russia in recent weeks.',
  'The containers were moved between September 7 and October 1 from the port of Najin to the Russian port of Dunay, and then by rail to a depot, officials said.',
  'Officials did not say what the containers held. Washington believes Pyongyang wants fighter aircraft and surface-to-air missiles in return.',
  'Both governments have denied any arms deal, and Moscow called the images a fabrication intended to distract attention.',
  'Analysts said the shipments showed how far the two countries had come since the summit in the far east of Russia in September.',
  'The State Department said it would raise the matter at the United Nations Security Council later this month.',
];
const STANDFIRST = 'Satellite images released by US officials show containers being loaded at the port of Najin.';

function page(title: string, h1: string): string {
  return `<html><head><meta property="og:title" content="${title}"><title>${title}</title></head><body><article>
    <header class="longform-header"><h1>${h1}</h1><p class="dek">${STANDFIRST}</p></header>
    <div class="longform-body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></body></html>`;
}

describe('the lead above the body Readability chose', () => {
  it('is found under an <h1> that says the title in other words', () => {
    const html = page(
      'North Korea shipped 1,000 containers to Russia, US says',
      'North Korea sent Russia 1,000 containers',
    );
    expect(extractArticle(html, { url: URL }).text.startsWith(`${STANDFIRST}\n\n${BODY[0]}`)).toBe(true);
  });

  it('is not looked for under an <h1> that is the site name', () => {
    const html = page('North Korea shipped 1,000 containers to Russia, US says', 'The Daily Planet');
    expect(extractArticle(html, { url: URL }).text.startsWith(BODY[0]!)).toBe(true);
  });
});
