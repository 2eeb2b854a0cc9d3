import type { ArticlePage } from '../ArticlePage.ts';
import { createRng, type Rng } from '../Rng.ts';

/*
 * Real article pages weigh 50–500 KB, of which the article is 2–10 KB: the rest is CSS, bundled
 * JavaScript, preloaded JSON state, SVG sprites, hidden mega-menus and comments. Padding grows a
 * rendered page to an exact byte size with that kind of furniture, so that extraction benchmarks
 * pay the parsing cost of real pages. Padding is ASCII only, so characters equal bytes.
 */

const components = [
  'header',
  'nav',
  'card',
  'teaser',
  'article',
  'byline',
  'share',
  'rail',
  'promo',
  'footer',
  'modal',
  'ticker',
  'gallery',
  'video',
  'newsletter',
  'paywall',
  'comments',
  'tag',
  'breadcrumb',
  'live',
];
const elements = [
  'title',
  'image',
  'link',
  'meta',
  'icon',
  'wrapper',
  'inner',
  'label',
  'list',
  'item',
  'button',
  'caption',
  'badge',
  'overlay',
];
const modifiers = ['active', 'large', 'small', 'dark', 'sticky', 'hidden', 'featured', 'compact', 'mobile', 'expanded'];
const cssProps: Array<[string, () => string]> = [
  ['margin', () => '0 auto'],
  ['padding', () => '.75rem 1rem'],
  ['display', () => 'flex'],
  ['font-size', () => '.875rem'],
  ['line-height', () => '1.45'],
  ['color', () => '#1a1a1a'],
  ['background-color', () => '#f4f4f2'],
  ['border-bottom', () => '1px solid #e0e0e0'],
  ['grid-template-columns', () => 'repeat(auto-fill,minmax(240px,1fr))'],
  ['transition', () => 'opacity .2s ease-in-out'],
  ['text-transform', () => 'uppercase'],
  ['letter-spacing', () => '.04em'],
  ['position', () => 'relative'],
  ['z-index', () => '10'],
  ['max-width', () => '1280px'],
  ['box-shadow', () => '0 2px 6px rgba(0,0,0,.12)'],
];
const jsWords = [
  'render',
  'mount',
  'track',
  'observe',
  'hydrate',
  'consent',
  'slot',
  'refresh',
  'lazy',
  'prefetch',
  'bid',
  'viewport',
  'beacon',
  'session',
  'paywall',
  'meter',
  'experiment',
  'variant',
];
const headlineSubjects = [
  'Ministers',
  'Farmers',
  'Lawmakers',
  'Regulators',
  'Doctors',
  'Teachers',
  'Unions',
  'Residents',
  'Officials',
  'Researchers',
  'Commuters',
  'Retailers',
];
const headlineVerbs = [
  'approve',
  'reject',
  'delay',
  'back',
  'question',
  'welcome',
  'criticise',
  'unveil',
  'debate',
  'oppose',
];
const headlineObjects = [
  'new budget plan',
  'tram line extension',
  'import rules',
  'festival programme',
  'energy price cap',
  'school reform',
  'storm response plan',
  'stadium renovation',
  'pension changes',
  'hospital merger',
  'airport expansion',
  'rent controls',
  'water tariffs',
  'night bus network',
];

function ident(rng: Rng, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

function hex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}

/** Everyday local headlines for menus and recirculation widgets: never about the article's topic. */
function fakeHeadline(rng: Rng): string {
  return `${rng.pick(headlineSubjects)} ${rng.pick(headlineVerbs)} ${rng.pick(headlineObjects)}`;
}

function cssChunk(rng: Rng, prefix: string): string {
  const rules: string[] = [];
  for (let i = rng.int(25, 45); i > 0; i--) {
    const selector = `.${prefix}-${rng.pick(components)}__${rng.pick(elements)}${rng.chance(0.4) ? `--${rng.pick(modifiers)}` : ''}`;
    const decls = rng
      .sample(cssProps, rng.int(2, 6))
      .map(([prop, value]) => `${prop}:${value()}`)
      .join(';');
    rules.push(
      rng.chance(0.15)
        ? `@media (min-width:${rng.pick([480, 768, 1024, 1280])}px){${selector}{${decls}}}`
        : `${selector}{${decls}}`,
    );
  }
  return `<style data-href="/static/css/${hex(rng, 8)}.chunk.css">${rules.join('')}</style>`;
}

function jsChunk(rng: Rng, prefix: string): string {
  const modules: string[] = [];
  for (let i = rng.int(6, 14); i > 0; i--) {
    const id = rng.int(1000, 99999);
    const fn = `${rng.pick(jsWords)}${rng.pick(jsWords).replace(/^./, (c) => c.toUpperCase())}`;
    const statements: string[] = [];
    for (let j = rng.int(3, 8); j > 0; j--) {
      const a = ident(rng, 1);
      const b = ident(rng, 1);
      statements.push(
        rng.pick([
          `var ${a}=n(${rng.int(100, 9999)}),${b}=n.n(${a})`,
          `function ${ident(rng, 2)}(${a},${b}){return ${a}&&${a}.${rng.pick(jsWords)}?${a}.${rng.pick(jsWords)}(${b}):void 0}`,
          `t.${fn}=function(${a}){if(!${a})return null;var ${b}=document.querySelector(".${prefix}-${rng.pick(components)}");return ${b}&&${b}.setAttribute("data-${rng.pick(jsWords)}","${hex(rng, 6)}"),${b}}`,
          `Object.defineProperty(t,"__esModule",{value:!0})`,
          `window.addEventListener("${rng.pick(['scroll', 'resize', 'load', 'visibilitychange'])}",function(){${ident(rng, 2)}("${rng.pick(jsWords)}")},{passive:!0})`,
          `${a}.prototype.${rng.pick(jsWords)}=function(){var e=this;return Promise.resolve(e.${rng.pick(jsWords)}).then(function(t){return e.${rng.pick(jsWords)}=t})}`,
        ]),
      );
    }
    modules.push(`${id}:function(e,t,n){"use strict";${statements.join(';')}}`);
  }
  return `<script>(self.webpackChunk_${prefix}=self.webpackChunk_${prefix}||[]).push([[${rng.int(10, 999)}],{${modules.join(',')}}]);</script>`;
}

function stateChunk(rng: Rng, page: ArticlePage): string {
  const items = [];
  for (let i = rng.int(8, 20); i > 0; i--) {
    const headline = fakeHeadline(rng);
    items.push({
      id: hex(rng, 12),
      headline,
      url: `${page.outlet.homePath}${rng.pick(page.outlet.sections).toLowerCase()}/${headline.toLowerCase().replace(/ /g, '-')}`,
      image: { src: `/img/${hex(rng, 16)}.jpg`, width: 640, height: 360 },
      section: rng.pick(page.outlet.sections),
      premium: rng.chance(0.2),
    });
  }
  const state = {
    config: {
      env: 'production',
      release: hex(rng, 7),
      adsEnabled: true,
      consentVendor: 'cmp',
      experiments: { [rng.pick(jsWords)]: rng.pick(['control', 'a', 'b']) },
    },
    recirculation: items,
  };
  // Escape every non-ASCII character so that padding stays one byte per character.
  const json = JSON.stringify(state).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script>window.__PRELOADED_STATE__=window.__PRELOADED_STATE__||[];window.__PRELOADED_STATE__.push(${json.replace(/</g, '\\u003c')});</script>`;
}

function spriteChunk(rng: Rng): string {
  const symbols: string[] = [];
  for (let i = rng.int(4, 10); i > 0; i--) {
    const points: string[] = [];
    for (let j = rng.int(12, 40); j > 0; j--)
      points.push(
        `${rng.pick(['M', 'L', 'C', 'c', 'l', 's'])}${(rng.next() * 24).toFixed(2)} ${(rng.next() * 24).toFixed(2)}`,
      );
    symbols.push(`<symbol id="icon-${ident(rng, 6)}" viewBox="0 0 24 24"><path d="${points.join('')}z"/></symbol>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">${symbols.join('')}</svg>`;
}

function commentChunk(rng: Rng): string {
  return rng.pick([
    `<!-- ad-slot div-gpt-ad-${rng.int(1000000000, 1999999999)}-${rng.int(0, 9)} sizes=[[300,250],[336,280]] lazy=true refresh=${rng.int(30, 90)} -->`,
    `<!-- Performance optimized by cache layer. Learn more: https://cache.example/ served from: edge-${ident(rng, 3)}-${rng.int(1, 40)} page key ${hex(rng, 32)} -->`,
    `<!-- module: ${rng.pick(components)}-${rng.pick(elements)} template=${hex(rng, 10)} rendered in ${rng.int(1, 40)}ms -->`,
  ]);
}

function megaMenuChunk(rng: Rng, page: ArticlePage): string {
  const columns: string[] = [];
  for (const section of rng.sample(page.outlet.sections, Math.min(4, page.outlet.sections.length))) {
    const links: string[] = [];
    const label = section.replace(/[^\x20-\x7e]/g, '') || 'section';
    for (let i = rng.int(5, 10); i > 0; i--)
      links.push(
        `<li><a href="${page.outlet.homePath}${encodeURIComponent(section.toLowerCase())}/${hex(rng, 6)}">${fakeHeadline(rng)}</a></li>`,
      );
    columns.push(`<div class="mega-col"><span class="mega-title">${label}</span><ul>${links.join('')}</ul></div>`);
  }
  return `<nav class="mega-menu" aria-hidden="true" hidden>${columns.join('')}</nav>`;
}

function filler(bytes: number): string {
  if (bytes < 9) return '\n'.repeat(Math.max(0, bytes));
  return `<!-- ${'='.repeat(bytes - 9)} -->`;
}

interface ChunkPool {
  head: Buffer[];
  body: Buffer[];
}

const pools = new WeakMap<ArticlePage['outlet'], ChunkPool>();
const newline = Buffer.from('\n');

/**
 * One site's stylesheets, bundles, sprites and menus: generated once per outlet and shared by all its
 * pages, as a real site's pages share their assets. Kept as bytes, so that padding a page is a copy.
 */
function poolFor(page: ArticlePage): ChunkPool {
  let pool = pools.get(page.outlet);
  if (!pool) {
    const rng = createRng(`padding/${page.outlet.slug}/${page.outlet.classPrefix}`);
    const prefix = page.outlet.classPrefix;
    pool = { head: [], body: [] };
    for (let i = 0; i < 24; i++) pool.head.push(Buffer.from(cssChunk(rng, prefix), 'latin1'));
    for (let i = 0; i < 48; i++) {
      const roll = rng.next();
      const chunk =
        roll < 0.5
          ? jsChunk(rng, prefix)
          : roll < 0.7
            ? stateChunk(rng, page)
            : roll < 0.8
              ? spriteChunk(rng)
              : roll < 0.9
                ? megaMenuChunk(rng, page)
                : commentChunk(rng);
      pool.body.push(Buffer.from(chunk, 'latin1'));
    }
    pools.set(page.outlet, pool);
  }
  return pool;
}

/** Grows a page to exactly `targetBytes` bytes; a page already larger is returned unchanged. */
export function padPage(html: Buffer, page: ArticlePage, targetBytes: number, rng: Rng): Buffer {
  let remaining = targetBytes - html.length;
  if (remaining <= 0) return html;
  const pool = poolFor(page);
  const headBudget = Math.floor(remaining * 0.3);
  const headParts: Buffer[] = [];
  let used = 0;
  for (let misses = 0; misses < 4; ) {
    const chunk = rng.pick(pool.head);
    if (used + chunk.length > headBudget) {
      misses++;
      continue;
    }
    headParts.push(chunk);
    used += chunk.length;
  }
  headParts.push(Buffer.from(filler(headBudget - used), 'latin1'));
  remaining -= headBudget;
  // Each page carries some state of its own, as server-rendered pages do.
  const bodyParts: Buffer[] = [];
  used = 0;
  const own = Buffer.from(stateChunk(rng, page), 'latin1');
  if (own.length + 1 <= remaining) {
    bodyParts.push(own, newline);
    used += own.length + 1;
  }
  for (let misses = 0; misses < 4; ) {
    const chunk = rng.pick(pool.body);
    if (used + chunk.length + 1 > remaining) {
      misses++;
      continue;
    }
    bodyParts.push(chunk, newline);
    used += chunk.length + 1;
  }
  bodyParts.push(Buffer.from(filler(remaining - used), 'latin1'));
  const headEnd = html.indexOf('</head>');
  const bodyEnd = html.lastIndexOf('</body>');
  return Buffer.concat(
    [html.subarray(0, headEnd), ...headParts, html.subarray(headEnd, bodyEnd), ...bodyParts, html.subarray(bodyEnd)],
    targetBytes,
  );
}
