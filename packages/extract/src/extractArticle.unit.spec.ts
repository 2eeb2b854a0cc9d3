import { describe, expect, it } from 'vitest';
import { ExtractError } from './ExtractError.ts';
import { extractArticle } from './extractArticle.ts';

const URL = 'https://news.example/world/story';

const P1 =
  'The White House said on Friday that North Korea had delivered more than 1,000 containers of military equipment and munitions to Russia in recent weeks, releasing images of the shipments.';
const P2 =
  'The containers were moved between September 7 and October 1 from the port of Najin to the Russian port of Dunay, and then by rail to a depot near Tikhoretsk, officials said.';
const P3 =
  'Officials did not say what the containers held. Washington believes Pyongyang wants fighter aircraft, surface-to-air missiles and equipment for producing ballistic missiles in return.';
const P4 =
  'Both governments have denied any arms deal, and Moscow called the images a fabrication intended to distract attention.';

function reason(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof ExtractError ? err.reason : 'other';
  }
}

describe('extractArticle', () => {
  it('keeps paragraph breaks as blank lines and a single <br> as a line break', () => {
    const html = `<html><body><article><h1>Containers</h1><p>${P1}</p><p>${P2}</p><p>${P3}<br>${P4}</p></article></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(`${P1}\n\n${P2}\n\n${P3}\n${P4}`);
  });

  it('splits text separated by double <br> into paragraphs', () => {
    const html = `<html><head><title>Containers</title></head><body><div id="x"><font size="4"><b>Containers</b></font><br>${P1}<br><br>${P2}<br><br>${P3}</div></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('writes lists as one "- item" line per item', () => {
    const html = `<html><body><article><h1>Budget</h1><p>${P1}</p><p>The budget sets aside money for:</p>
      <ul><li>six evening bus routes</li><li>fourteen branch libraries</li><li>pothole repairs</li></ul><p>${P2}</p></article></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(
      `${P1}\n\nThe budget sets aside money for:\n\n- six evening bus routes\n- fourteen branch libraries\n- pothole repairs\n\n${P2}`,
    );
  });

  it('brings back a list Readability drops (items with an icon and a label)', () => {
    const item = (label: string, value: string) =>
      `<li><img src="/i/check.svg" alt=""> <strong>${label}</strong> ${value}</li>`;
    const html = `<html><body><article><h1>Planet</h1><div class="body"><p>${P1}</p><p>${P2}</p>
      <ul>${item('Distance:', '97 light years')}${item('Radius:', 'about 1.9 times that of Earth')}${item('Orbit:', '1.6 days')}</ul>
      <p>${P3}</p><p>${P4}</p></div></article></body></html>`;
    const list = '- Distance: 97 light years\n- Radius: about 1.9 times that of Earth\n- Orbit: 1.6 days';
    expect(extractArticle(html, { url: URL }).text).toContain(list);
    expect(extractArticle(html, { url: URL, disabledSteps: ['recover:gap'] }).text).not.toContain('97 light years');
  });

  it('brings back a standfirst that sits between the headline and the body Readability chose', () => {
    const standfirst = 'Satellite images released by US officials show containers being loaded at the port of Najin.';
    const body = [P1, P2, P3, P4, P1.replace('Friday', 'Saturday'), P2.replace('rail', 'road')];
    const html = `<html><body><article><header class="longform-header"><p class="series">The long read</p><h1>Containers</h1>
      <p class="dek">${standfirst}</p><p class="contributors">By Martha Keller</p></header>
      <div class="longform-body">${body.map((p) => `<p>${p}</p>`).join('')}</div></article></body></html>`;
    expect(extractArticle(html, { url: URL }).text.startsWith(`${standfirst}\n\n${P1}`)).toBe(true);
    expect(extractArticle(html, { url: URL, disabledSteps: ['recover:lead'] }).text.startsWith(P1)).toBe(true);
  });

  it('removes furniture the markup names: share bars, newsletter boxes, related links, captions, comments', () => {
    const html = `<html><body><article><h1>Containers</h1>
      <figure><img src="a.jpg"><figcaption>Containers in Najin. Photograph: handout</figcaption></figure>
      <ul class="share-links"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul>
      <div class="article-body"><p>${P1}</p><aside class="rich-link"><a href="/x">North Korea tests missile</a></aside><p>${P2}</p>
      <div class="newsletter-signup"><p>Get our morning briefing.</p></div><p>${P3}</p></div></article>
      <section id="comments"><h3>Comments</h3><p>${P4} I disagree with this article and think it is wrong.</p></section></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('stops at the comment section even when its markup does not say so', () => {
    const comment =
      'I use the library on Mondays because it is the only day I am not working, so this hurts people like me.';
    const html = `<html><body><div id="wrap"><div class="story"><h1>Containers</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>
      <div class="thread"><h3>What readers say (2)</h3><div class="post"><p>${comment}</p></div><div class="post"><p>${comment} Really.</p></div></div></div></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('judges lines of a <br> block one by one: the headline and the date line go, the text stays', () => {
    const html = `<html><head><title>Containers</title></head><body><div><b>Containers</b><br>Posted 11/07/2023<br><br>${P1}<br><br>${P2}</div></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe(`${P1}\n\n${P2}`);
  });

  it('returns the byline it removes from the text when the page has no byline metadata', () => {
    const html = `<html><body><div class="text"><p>By Amelia Hart</p><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></body></html>`;
    const article = extractArticle(html, { url: URL });
    expect(article.byline).toBe('Amelia Hart');
    expect(article.text.startsWith(P1)).toBe(true);
  });

  it('accepts a fragment without <html> or <body>', () => {
    expect(extractArticle(`<p>${P1}</p><p>${P2}</p>`, { url: URL }).text).toBe(`${P1}\n\n${P2}`);
  });

  it('fails with empty on a page without article text', () => {
    const html =
      '<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><p>Page not found.</p></body></html>';
    expect(reason(() => extractArticle(html, { url: URL }))).toBe('empty');
    expect(reason(() => extractArticle('', { url: URL }))).toBe('empty');
  });

  it('fails with empty on an index page of headline links', () => {
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/n/${i}">Council approves budget for year ${2000 + i} after long debate</a></li>`,
    );
    expect(
      reason(() =>
        extractArticle(`<html><body><h1>Latest news</h1><ul>${links.join('')}</ul></body></html>`, { url: URL }),
      ),
    ).toBe('empty');
  });
});

describe('seed-like furniture', () => {
  // The lines the five seed reports carry around their text (a date widget, weather, ad labels,
  // "Related:", a donation plea, the error-report footer), in plain paragraphs beside the text,
  // the way a copy of the page shows them.
  const furnitureTop = [
    'fbpx',
    '7.3 C',
    'Monday, December 4, 2023',
    '17:24 21 Dec 2023',
    'Must read',
    '- Advertisement -',
  ];
  const furnitureInline = [
    'Photo: Narciso Contreras/AA/picture alliance',
    'Kim Jong Un supervises the test-launch of a missile. (Image source: KCNA)',
    'May 3, 2024 - 06:04',
    'Read more: DPRK denies Hamas using its weapons: US deflecting role in crisis',
    '— Jay in Kyiv (@JayinKyiv) October 8, 2023',
  ];
  const furnitureBottom = [
    'Related:',
    'You could close this page. Or you could join our community and help us produce more materials like this. We keep our reporting open and accessible to everyone because we believe in the power of free information. A little bit goes a long way: for as little as the cost of one cup of coffee a month, you can help build bridges. Become a patron or see other ways to support. Become a Patron!',
    'Source link',
    'More articles',
    '- Advertisement -',
    'Latest article',
    'If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.',
    'Spelling error report',
    'The following text will be sent to our editors:',
  ];
  const paragraphs = [P1, P2, P3, P4];
  const body = [
    ...furnitureTop,
    'North Korea sent Russia over 1,000 containers of weapons',
    P1,
    furnitureInline[0]!,
    P2,
    furnitureInline[1]!,
    furnitureInline[2]!,
    P3,
    furnitureInline[3]!,
    furnitureInline[4]!,
    P4,
    ...furnitureBottom,
  ];
  const html = `<html><head><title>North Korea sent Russia over 1,000 containers of weapons</title></head>
    <body><div class="post">${body.map((line) => `<p>${line}</p>`).join('\n')}</div></body></html>`;

  it('removes every furniture line and keeps every paragraph of the report', () => {
    expect(extractArticle(html, { url: URL }).text).toBe(paragraphs.join('\n\n'));
  });
});
