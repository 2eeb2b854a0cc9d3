import {
  type ArticleLang,
  type ArticleSource,
  type BodyBlock,
  escapeHtml,
  inlineHtml,
  plain,
} from './articleSource.ts';
import { generateArticle } from './generatedArticles.ts';
import type { Random } from './random.ts';

/** Pieces outlet templates are made of: menus, teasers, comments, footers, scripts, structured data. */

export interface Site {
  name: string;
  domain: string;
}

/** Words of page furniture in each language, as outlets print them. */
export const FURNITURE: Record<
  ArticleLang,
  {
    related: string;
    readMore: string;
    share: string[];
    advertisement: string;
    newsletter: string;
    mustRead: string;
    moreArticles: string;
    latest: string;
    comments: string;
    cookie: string;
    follow: string;
    spelling: string;
    photo: string;
    home: string;
    menu: string[];
  }
> = {
  en: {
    related: 'Related',
    readMore: 'Read more',
    share: ['Facebook', 'Twitter', 'WhatsApp', 'Email', 'Copy link'],
    advertisement: 'Advertisement',
    newsletter: 'Sign up for our morning newsletter and get the day’s top stories delivered to your inbox.',
    mustRead: 'Must read',
    moreArticles: 'More articles',
    latest: 'Latest news',
    comments: 'Comments',
    cookie:
      'We use cookies to improve your experience on our site and to show you relevant advertising. By continuing you accept our use of cookies.',
    follow: 'Follow us on Telegram',
    spelling: 'If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.',
    photo: 'Photo',
    home: 'Home',
    menu: ['News', 'World', 'Business', 'Politics', 'Science', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts'],
  },
  ru: {
    related: 'Читайте также',
    readMore: 'Читайте также',
    share: ['ВКонтакте', 'Одноклассники', 'Telegram'],
    advertisement: 'Реклама',
    newsletter: 'Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.',
    mustRead: 'Популярное',
    moreArticles: 'Новости по теме',
    latest: 'Последние новости',
    comments: 'Комментарии',
    cookie:
      'Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая, вы соглашаетесь с политикой конфиденциальности.',
    follow: 'Подписывайтесь на наш Telegram-канал',
    spelling: 'Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter.',
    photo: 'Фото',
    home: 'Главная',
    menu: ['Новости', 'Политика', 'Экономика', 'Общество', 'Происшествия', 'Спорт', 'Культура', 'Видео'],
  },
  uk: {
    related: 'Читайте також',
    readMore: 'Читайте також',
    share: ['Facebook', 'Telegram', 'Viber'],
    advertisement: 'Реклама',
    newsletter: 'Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися головні новини.',
    mustRead: 'Популярне',
    moreArticles: 'Більше новин',
    latest: 'Останні новини',
    comments: 'Коментарі',
    cookie:
      'Ми використовуємо файли cookie, щоб сайт працював краще. Продовжуючи, ви погоджуєтеся з політикою конфіденційності.',
    follow: 'Підписуйтесь на наш Telegram-канал',
    spelling: 'Якщо ви знайшли помилку, виділіть її та натисніть Ctrl+Enter.',
    photo: 'Фото',
    home: 'Головна',
    menu: ['Новини', 'Політика', 'Економіка', 'Суспільство', 'Війна', 'Спорт', 'Культура', 'Відео'],
  },
  de: {
    related: 'Mehr zum Thema',
    readMore: 'Lesen Sie auch',
    share: ['Facebook', 'X', 'WhatsApp', 'E-Mail'],
    advertisement: 'Anzeige',
    newsletter: 'Abonnieren Sie unseren Newsletter: die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.',
    mustRead: 'Meistgelesen',
    moreArticles: 'Weitere Artikel',
    latest: 'Neueste Artikel',
    comments: 'Kommentare',
    cookie:
      'Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Mit Accept stimmen Sie der Nutzung zu (privacy).',
    follow: 'Folgen Sie uns auf Telegram',
    spelling: 'Fehler gefunden? Markieren Sie den Text und drücken Sie Ctrl+Enter.',
    photo: 'Foto',
    home: 'Startseite',
    menu: ['Politik', 'Wirtschaft', 'Panorama', 'Sport', 'Kultur', 'Wissen'],
  },
  fr: {
    related: 'À lire aussi',
    readMore: 'Lire aussi',
    share: ['Facebook', 'X', 'WhatsApp', 'E-mail'],
    advertisement: 'Publicité',
    newsletter:
      'Inscrivez-vous à notre newsletter pour recevoir l’essentiel de l’actualité dans votre boîte mail (email).',
    mustRead: 'Les plus lus',
    moreArticles: 'Sur le même sujet',
    latest: 'Dernières actualités',
    comments: 'Commentaires',
    cookie:
      'Nous utilisons des cookies pour améliorer votre expérience. En continuant, vous acceptez notre politique de confidentialité (privacy).',
    follow: 'Suivez-nous sur Telegram',
    spelling: 'Vous avez trouvé une erreur ? Sélectionnez le texte et appuyez sur Ctrl+Enter.',
    photo: 'Photo',
    home: 'Accueil',
    menu: ['International', 'Politique', 'Économie', 'Société', 'Sport', 'Culture'],
  },
};

/** Headlines of other articles, for teasers, related links and "most read" lists. */
export function otherHeadlines(rng: Random, lang: ArticleLang, n: number): string[] {
  const source = lang === 'ru' || lang === 'uk' ? lang : 'en';
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(generateArticle(rng, source, 9000 + i).headline);
  return out;
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'story'
  );
}

export function navigation(
  _rng: Random,
  site: Site,
  lang: ArticleLang,
  options: { cls: string; items?: number; tag?: string },
): string {
  const words = FURNITURE[lang].menu;
  const count = options.items ?? words.length;
  const links: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = words[i % words.length]!;
    const label = i < words.length ? word : `${word} ${Math.floor(i / words.length) + 1}`;
    links.push(
      `<li class="menu-item"><a href="https://${site.domain}/${slugify(label) || `s${i}`}/">${escapeHtml(label)}</a></li>`,
    );
  }
  const tag = options.tag ?? 'nav';
  return `<${tag} class="${options.cls}"><ul class="menu">${links.join('')}</ul></${tag}>`;
}

/** Teaser cards: headline links, sometimes with a one-sentence summary and a date. */
export function teasers(
  rng: Random,
  site: Site,
  lang: ArticleLang,
  n: number,
  options: { cls: string; summaries?: boolean; heading?: string | null; headingTag?: string },
): string {
  const items = otherHeadlines(rng, lang, n).map((headline, i) => {
    const href = `https://${site.domain}/news/${slugify(headline)}-${rng.int(10000, 99999)}`;
    const summary = options.summaries
      ? `<p class="teaser-summary">${escapeHtml(generateArticle(rng, lang === 'ru' || lang === 'uk' ? lang : 'en', 9500 + i).standfirst ?? headline)}</p>`
      : '';
    return `<div class="card"><a href="${href}"><img src="https://cdn.${site.domain}/img/${rng.hex(12)}.jpg" alt=""><h3 class="card-title">${escapeHtml(headline)}</h3></a>${summary}</div>`;
  });
  const heading = options.heading
    ? `<${options.headingTag ?? 'h4'} class="block-title">${escapeHtml(options.heading)}</${options.headingTag ?? 'h4'}>`
    : '';
  return `<div class="${options.cls}">${heading}${items.join('')}</div>`;
}

export function linkList(
  rng: Random,
  site: Site,
  lang: ArticleLang,
  n: number,
  cls: string,
  tag: 'ul' | 'ol' = 'ul',
): string {
  const items = otherHeadlines(rng, lang, n).map(
    (h) => `<li><a href="https://${site.domain}/news/${slugify(h)}-${rng.int(10000, 99999)}">${escapeHtml(h)}</a></li>`,
  );
  return `<${tag} class="${cls}">${items.join('')}</${tag}>`;
}

const COMMENTS_EN = [
  'This is exactly what everyone in the neighbourhood has been saying for months, and nobody in charge seems to listen to any of it.',
  'I would like to see the actual figures rather than a press release. Where is the data behind these claims, and who checked it?',
  'Another plan, another promise. We had the same announcement two years ago and nothing changed on our street, not one thing.',
  'Good reporting, thank you. It would help to know how this compares with other cities of a similar size, though.',
  'The real problem is that nobody plans more than one budget ahead. Until that changes we will keep reading articles like this one.',
];

export function comments(rng: Random, lang: ArticleLang, n: number, cls: string): string {
  const lines = lang === 'en' || lang === 'de' || lang === 'fr' ? COMMENTS_EN : COMMENTS_EN.map((c) => c);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    items.push(
      `<li class="comment"><div class="comment-author">reader${rng.int(100, 9999)}</div><div class="comment-content"><p>${escapeHtml(rng.pick(lines))}</p></div><a class="reply" href="#">Reply</a></li>`,
    );
  }
  return `<section class="${cls}"><h3>${escapeHtml(FURNITURE[lang].comments)} (${n})</h3><ol class="comment-list">${items.join('')}</ol></section>`;
}

export function siteFooter(rng: Random, site: Site, lang: ArticleLang): string {
  const menu = FURNITURE[lang].menu
    .map((m) => `<a href="https://${site.domain}/${slugify(m) || 'x'}/">${escapeHtml(m)}</a>`)
    .join(' ');
  return `<footer class="site-footer"><div class="footer-links">${menu}</div><p class="copyright">© ${rng.int(2019, 2024)} ${escapeHtml(site.name)}. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/contact">Contact us</a></p></footer>`;
}

/** A minified-looking script: the bulk of real pages (analytics, ad loaders, app bundles). */
export function scriptBlob(rng: Random, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const name = `_${rng.hex(4)}`;
    const chunk = `function ${name}(e,t){var n=e.${rng.hex(3)}||{};return n["${rng.hex(6)}"]=t&&t.length>${rng.int(1, 99)}?t.slice(0,${rng.int(2, 50)}):"${rng.hex(10)}",window.__q&&window.__q.push([${rng.int(0, 999)},n]),n}`;
    parts.push(chunk);
    size += chunk.length;
  }
  return `<script>${parts.join(';')}</script>`;
}

/** An application-state JSON script (`__NEXT_DATA__` and the like). */
export function stateBlob(rng: Random, article: ArticleSource, bytes: number): string {
  const items: unknown[] = [];
  let size = 0;
  while (size < bytes) {
    const item = {
      id: rng.hex(16),
      type: 'teaser',
      title: `Item ${rng.hex(6)}`,
      url: `/news/${rng.hex(10)}`,
      score: rng.int(0, 1000),
    };
    items.push(item);
    size += 110;
  }
  const state = {
    props: {
      pageProps: { article: { id: article.id, headline: article.headline, section: article.section }, feed: items },
    },
  };
  return `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state).replace(/</g, '\\u003c')}</script>`;
}

export function styleBlob(rng: Random, bytes: number): string {
  const rules: string[] = [];
  let size = 0;
  while (size < bytes) {
    const rule = `.c-${rng.hex(5)}{margin:${rng.int(0, 32)}px ${rng.int(0, 32)}px;color:#${rng.hex(6)};font-size:${rng.int(10, 24)}px}`;
    rules.push(rule);
    size += rule.length;
  }
  return `<style>${rules.join('')}</style>`;
}

export function svgSprite(rng: Random, icons: number): string {
  const symbols: string[] = [];
  for (let i = 0; i < icons; i++) {
    symbols.push(
      `<symbol id="i-${rng.hex(4)}" viewBox="0 0 24 24"><path d="M${rng.int(0, 24)} ${rng.int(0, 24)}L${rng.int(0, 24)} ${rng.int(0, 24)}Z"/></symbol>`,
    );
  }
  return `<svg style="display:none" xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>`;
}

export interface BodyOptions {
  /** Renders one paragraph's inner HTML into its element. */
  paragraph?: (html: string, index: number) => string;
  heading?: (text: string) => string;
  quote?: (html: string) => string;
  list?: (items: string[], ordered: boolean) => string;
  /** Furniture inserted after the body block at `index` (of `total`), or null. */
  insertAfter?: (index: number, total: number) => string | null;
}

export function bodyHtml(blocks: BodyBlock[], options: BodyOptions = {}): string {
  const paragraph = options.paragraph ?? ((html) => `<p>${html}</p>`);
  const heading = options.heading ?? ((text) => `<h2>${escapeHtml(text)}</h2>`);
  const quote = options.quote ?? ((html) => `<blockquote><p>${html}</p></blockquote>`);
  const list =
    options.list ??
    ((items, ordered) => {
      const tag = ordered ? 'ol' : 'ul';
      return `<${tag}>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    });
  const out: string[] = [];
  let paragraphIndex = 0;
  blocks.forEach((block, i) => {
    if ('p' in block) out.push(paragraph(inlineHtml(block.p), paragraphIndex++));
    else if ('h' in block) out.push(heading(block.h));
    else if ('quote' in block) out.push(quote(inlineHtml(block.quote)));
    else if ('ul' in block) out.push(list(block.ul, false));
    else out.push(list(block.ol, true));
    const extra = options.insertAfter?.(i, blocks.length);
    if (extra) out.push(extra);
  });
  return out.join('\n');
}

/** Adds a link inside some paragraphs, as editors do; the words stay the same. */
export function withInlineLinks(rng: Random, site: Site, blocks: BodyBlock[]): BodyBlock[] {
  return blocks.map((block) => {
    if (!('p' in block) || !rng.chance(0.3) || block.p.includes('<')) return block;
    const words = block.p.split(' ');
    if (words.length < 8) return block;
    const start = rng.int(1, words.length - 4);
    const len = rng.int(2, 3);
    const linked = words.slice(start, start + len).join(' ');
    const html = [
      ...words.slice(0, start),
      `<a href="https://${site.domain}/tag/${slugify(linked)}">${linked}</a>`,
      ...words.slice(start + len),
    ].join(' ');
    return { p: html };
  });
}

export interface JsonLdOptions {
  /** Yoast-style `@graph` with WebPage, Organization and Person nodes linked by `@id`. */
  graph?: boolean;
  type?: string;
  withDates?: boolean;
}

export function jsonLd(article: ArticleSource, site: Site, url: string, options: JsonLdOptions = {}): string {
  const withDates = options.withDates ?? true;
  const person = article.authors.map((name) => ({ '@type': 'Person', name }));
  const node: Record<string, unknown> = {
    '@type': options.type ?? 'NewsArticle',
    headline: article.headline,
    description: article.standfirst ?? undefined,
    image: [`https://cdn.${site.domain}/img/${slugify(article.slug)}.jpg`],
    inLanguage: article.lang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
  if (withDates) {
    node.datePublished = article.publishedAt;
    if (article.modifiedAt) node.dateModified = article.modifiedAt;
  }
  let doc: unknown;
  if (options.graph) {
    const personIds = article.authors.map((_, i) => `https://${site.domain}/#/schema/person/${i}`);
    node['@id'] = `${url}#article`;
    node.author = personIds.map((id) => ({ '@id': id }));
    node.publisher = { '@id': `https://${site.domain}/#organization` };
    doc = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': url, url, name: `${article.headline} | ${site.name}` },
        {
          '@type': 'Organization',
          '@id': `https://${site.domain}/#organization`,
          name: site.name,
          url: `https://${site.domain}/`,
        },
        node,
        ...article.authors.map((name, i) => ({ '@type': 'Person', '@id': personIds[i], name })),
      ],
    };
  } else {
    node.author = person.length === 1 ? person[0] : person;
    node.publisher = {
      '@type': 'Organization',
      name: site.name,
      logo: { '@type': 'ImageObject', url: `https://${site.domain}/logo.png` },
    };
    doc = { '@context': 'https://schema.org', ...node };
  }
  return `<script type="application/ld+json">${JSON.stringify(doc)}</script>`;
}

export function openGraph(
  article: ArticleSource,
  site: Site,
  url: string,
  options: { published: boolean; titleSuffix?: boolean },
): string {
  const title = options.titleSuffix ? `${article.headline} | ${site.name}` : article.headline;
  const tags = [
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
    `<meta property="og:image" content="https://cdn.${site.domain}/img/${slugify(article.slug)}.jpg">`,
  ];
  if (article.standfirst)
    tags.push(`<meta property="og:description" content="${escapeHtml(plain(article.standfirst))}">`);
  if (options.published) {
    tags.push(`<meta property="article:published_time" content="${article.publishedAt}">`);
    if (article.modifiedAt) tags.push(`<meta property="article:modified_time" content="${article.modifiedAt}">`);
  }
  tags.push(`<meta name="twitter:card" content="summary_large_image">`);
  return tags.join('\n');
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The local wall-clock parts of an ISO timestamp with offset, as the outlet would print them. */
export function localParts(iso: string): { y: number; m: number; d: number; hh: string; mm: string; weekday: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return { y, m, d, hh: match[4]!, mm: match[5]!, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

export function longDate(iso: string): string {
  const p = localParts(iso);
  return `${WEEKDAYS_EN[p.weekday]}, ${MONTHS_EN[p.m - 1]} ${p.d}, ${p.y}`;
}

export function shortDateTime(iso: string): string {
  const p = localParts(iso);
  return `${p.hh}:${p.mm} ${p.d} ${MONTHS_EN[p.m - 1]!.slice(0, 3)} ${p.y}`;
}

export function monthDayTime(iso: string): string {
  const p = localParts(iso);
  return `${MONTHS_EN[p.m - 1]} ${p.d}, ${p.y} - ${p.hh}:${p.mm}`;
}

export function dottedDate(iso: string): string {
  const p = localParts(iso);
  return `${String(p.d).padStart(2, '0')}.${String(p.m).padStart(2, '0')}.${p.y} ${p.hh}:${p.mm}`;
}

/** The day after publication, as a masthead date widget shows it on the day the page was saved. */
export function widgetDate(iso: string, daysLater: number): string {
  const p = localParts(iso);
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d + daysLater));
  return `${WEEKDAYS_EN[date.getUTCDay()]}, ${MONTHS_EN[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

export function datePath(iso: string): string {
  const p = localParts(iso);
  return `${p.y}/${String(p.m).padStart(2, '0')}/${String(p.d).padStart(2, '0')}`;
}
