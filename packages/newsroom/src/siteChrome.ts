import type { Outlet } from './ArticlePage.ts';
import { escapeHtml as h } from './markup.ts';

export interface HomeItem {
  title: string;
  href: string;
  publishedAt: string;
}

/** An outlet's front page: latest items and the feeds it advertises (`<link rel="alternate">`). */
export function outletHomePage(outlet: Outlet, origin: string, items: readonly HomeItem[]): string {
  const alternates = outlet.feeds
    .map(
      (feed) =>
        `<link rel="alternate" type="application/${feed.format}+xml" title="${h(feed.title)}" href="${h(origin + feed.path)}">`,
    )
    .join('\n');
  const list = items
    .map(
      (item) =>
        `<li><a href="${h(item.href)}">${h(item.title)}</a> <time datetime="${item.publishedAt}">${item.publishedAt.slice(0, 10)}</time></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${outlet.lang}">
<head>
<meta charset="${outlet.charset}">
<title>${h(outlet.name)}</title>
<meta property="og:site_name" content="${h(outlet.name)}">
<link rel="canonical" href="${h(origin + outlet.homePath)}">
${alternates}
</head>
<body>
<header><h1>${h(outlet.name)}</h1><nav><ul>${outlet.sections.map((s) => `<li>${h(s)}</li>`).join('')}</ul></nav></header>
<main><h2>${h(outlet.ui.mostRead)}</h2><ul>
${list}
</ul></main>
<footer>${h(outlet.ui.footer)}</footer>
</body>
</html>
`;
}

export interface IndexFeed {
  url: string;
  title: string;
  format: string;
  charset: string;
}

/** The newsroom's root page: every outlet and feed, for a person poking at it with a browser. */
export function newsroomIndexPage(title: string, outlets: readonly Outlet[], feeds: readonly IndexFeed[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${h(title)}</title></head>
<body>
<h1>${h(title)}</h1>
<h2>Outlets</h2>
<ul>
${outlets.map((o) => `<li><a href="${h(o.homePath)}">${h(o.name)}</a></li>`).join('\n')}
</ul>
<h2>Feeds</h2>
<ul>
${feeds.map((f) => `<li><a href="${h(f.url)}">${h(f.title)}</a> (${h(f.format)}, ${h(f.charset)})</li>`).join('\n')}
</ul>
</body>
</html>
`;
}

export function notFoundPage(pathname: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found</title><meta name="robots" content="noindex"></head>
<body>
<h1>Page not found</h1>
<p>The page ${h(pathname)} does not exist or has been removed.</p>
<p><a href="/">Back to the front page</a></p>
</body>
</html>
`;
}

export const robotsTxt = 'User-agent: *\nAllow: /\n';
