import { describe, expect, it } from 'vitest';
import { extractArticle } from './extractArticle.ts';

const URL = 'https://news.example/tech/fetch';

const P1 =
  'The council approved the budget on Tuesday after a debate that lasted most of the night, with six members voting against it.';
const P2 =
  'The plan adds evening bus routes and keeps fourteen branch libraries open, paid for by a small rise in the parking charge.';
const P3 =
  'Opponents said the parking rise would hurt shops in the old town, and promised to bring the question back in the spring.';
const P4 = 'The mayor said the city would publish a first account of the spending in the autumn, as the law requires.';

function page(body: string, title = 'Council approves budget'): string {
  return `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

describe('text the page repeats', () => {
  it('keeps a paragraph the page prints twice (a refrain is content)', () => {
    const html = page(`<p>${P1}</p><p>${P2}</p><p>${P2}</p><p>${P3}</p>`);
    expect(extractArticle(html, { url: URL }).text).toBe([P1, P2, P2, P3].join('\n\n'));
  });

  it('drops a quote that repeats words of the body (a pull quote)', () => {
    const pulled = 'keeps fourteen branch libraries open, paid for by a small rise in the parking charge';
    const html = page(`<p>${P1}</p><blockquote>${pulled}</blockquote><p>${P2}</p><p>${P3}</p>`);
    expect(extractArticle(html, { url: URL }).text).toBe([P1, P2, P3].join('\n\n'));
    expect(extractArticle(html, { url: URL, disabledSteps: ['text:pull-quote'] }).text).toContain(pulled);
  });
});

describe('comment sections and cookie notices, told from text that only names them', () => {
  it('keeps a section titled "Response" and a table column titled "Comment"', () => {
    const table = `<table><tr><td><p>State</p></td><td><p>Comment</p></td></tr><tr><td><p>new</p></td><td><p>${P4}</p></td></tr></table>`;
    const html = page(`<p>${P1}</p><p>${P2}</p><h2>Response</h2><p>${P3}</p>${table}`);
    const text = extractArticle(html, { url: URL }).text;
    expect(text).toContain(P3);
    expect(text).toContain(P4);
  });

  it('keeps a paragraph about cookies, and drops a banner asking to accept them', () => {
    const about =
      'Responses map directly to the underlying HTTP concepts, but filter what scripts can read for privacy reasons, so cookies set by a third party are not readable.';
    const banner =
      'We use cookies to improve your experience on our site. By continuing you accept our use of cookies.';
    const html = page(`<p>${P1}</p><p>${about}</p><p>${P2}</p><p>${banner}</p><p>${P3}</p>`);
    const text = extractArticle(html, { url: URL }).text;
    expect(text).toContain(about);
    expect(text).not.toContain(banner);
  });
});

describe('photo credits', () => {
  it('drops a credit naming the photographer and more than one agency', () => {
    const html = page(`<p>${P1}</p><p>JIM WATSON/AFP/Getty Images</p><p>${P2}</p><p>${P3}</p>`);
    const text = extractArticle(html, { url: URL }).text;
    expect(text).toBe([P1, P2, P3].join('\n\n'));
  });
});

describe('teasers', () => {
  it('keeps a post under its own linked headline, line by line', () => {
    const lines = [P1, P2, P3].map((p) => `+ ${p}`).join('<br>');
    const html = `<html><head><title>Release notes 1.8</title></head><body><div id="posts"><h3><a href="/post/1">Release notes 1.8</a></h3><div><p>${lines}</p></div></div></body></html>`;
    expect(extractArticle(html, { url: URL }).text).toBe([P1, P2, P3].map((p) => `+ ${p}`).join('\n'));
  });

  it('keeps the lead under a single linked headline, and drops the cards of a teaser grid', () => {
    const card = (n: number) =>
      `<h3><a href="/other/${n}">Other story number ${n} of the week</a></h3><p>A short summary of other story ${n}, which is about something else.</p>`;
    const html = `<html><head><title>Blog - Coverage notes</title></head><body><div class="main"><h2><a href="/2013/coverage">Coverage of browser code</a></h2><p>${P1}</p><p>${P2}</p><p>${P3}</p>${card(1)}${card(2)}${card(3)}</div></body></html>`;
    const text = extractArticle(html, { url: URL }).text;
    expect(text.startsWith(P1)).toBe(true);
    expect(text).not.toContain('A short summary');
  });

  it('keeps sections whose headings link into the page (permalinks, back-references to the contents)', () => {
    const section = (title: string, anchor: string, p: string) =>
      `<h2><a class="toc-backref" href="#${anchor}">${title}</a><a class="headerlink" href="#${anchor}">¶</a></h2><p>${p}</p>`;
    const html = page(
      `<p>${P1}</p>${section('Setting up', 'setting-up', P2)}${section('Paying for it', 'paying', P3)}<p>${P4}</p>`,
    );
    expect(extractArticle(html, { url: URL }).text).toBe(
      [P1, 'Setting up¶', P2, 'Paying for it¶', P3, P4].join('\n\n'),
    );
  });

  it('keeps links written out as their address (sources the text cites), and drops linked headlines', () => {
    const sources = ['https://nodejs.org/api/inspector.html', 'https://www.npmjs.com/package/inspector-api'];
    const related = ['Council delays the vote on bus fares', 'Libraries to open on Sundays'];
    const list = (items: string[]) =>
      `<ul>${items.map((item, i) => `<li><a href="https://elsewhere.example/${i}">${item}</a></li>`).join('')}</ul>`;
    const html = page(
      `<p>${P1}</p><p>${P2}</p><p>Sources:</p>${list(sources)}<p>${P3}</p>${list(related)}<p>${P4}</p>`,
    );
    const text = extractArticle(html, { url: URL }).text;
    for (const source of sources) expect(text).toContain(source);
    for (const headline of related) expect(text).not.toContain(headline);
  });

  it('keeps linked items of a list whose other items are sentences (release notes), and drops a list of links', () => {
    const notes = [
      'The import of saved logins from other managers now keeps their folders',
      '<a href="https://bugs.example/1677080">Bug 1677080 – Fullscreen window follows the video source</a>',
      'Printing a range of pages such as 1-3, 6 and 7 works again',
    ];
    const related = ['Council delays the vote on bus fares', 'Libraries to open on Sundays'];
    const html = page(
      `<p>${P1}</p><ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul><p>${P2}</p>` +
        `<ul>${related.map((r, i) => `<li><a href="/news/${i}">${r}</a></li>`).join('')}</ul><p>${P3}</p>`,
    );
    const text = extractArticle(html, { url: URL }).text;
    expect(text).toContain('Bug 1677080 – Fullscreen window follows the video source');
    for (const headline of related) expect(text).not.toContain(headline);
  });

  it('keeps linked subheadings over sections of the text (a listicle naming its products), and drops linked headlines of a list', () => {
    const section = (name: string, p: string) =>
      `<h3><a href="https://shop.example/${name.length}">${name}</a></h3><p>${p}</p><p>${P4}</p>`;
    const html = page(
      `<p>${P1}</p>${section('“Harbour Run” ($30)', P2)}${section('“Night Ferry” ($20)', P3)}` +
        `<p>More news:</p><ul><li><a href="/news/1">Council delays the vote on bus fares</a></li><li><a href="/news/2">Libraries to open on Sundays</a></li></ul>`,
    );
    const text = extractArticle(html, { url: URL }).text;
    expect(text).toContain('“Harbour Run” ($30)');
    expect(text).toContain('“Night Ferry” ($20)');
    expect(text).not.toContain('Council delays the vote');
  });
});
