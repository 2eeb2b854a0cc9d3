import { html, type SafeHtml, trusted } from './html.ts';

const css = `
:root { --ink:#1d2330; --muted:#5d6778; --line:#d9dee7; --bg:#f6f7f9; --card:#fff; --accent:#1f5fbf; --conflict:#c0262d; --ok:#1c7c3c; --warn:#b7791f; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header.top { background:#1d2330; color:#fff; padding:.6rem 1.2rem; display:flex; gap:1.4rem; align-items:baseline; }
header.top .brand { font-weight:700; letter-spacing:.04em; }
header.top a { color:#cfd8e6; text-decoration:none; }
header.top a[aria-current="page"] { color:#fff; border-bottom:2px solid #fff; }
main { max-width:1040px; margin:0 auto; padding:1.2rem; }
h1 { font-size:1.5rem; margin:.2rem 0 .8rem; }
h2 { font-size:1.15rem; margin:1.6rem 0 .6rem; }
a { color:var(--accent); }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.2rem; margin-bottom:1rem; }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:.45rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.muted { color:var(--muted); }
.figure-value { font-size:1.25rem; font-weight:650; }
.current-figure { font-size:2rem; font-weight:700; margin:.2rem 0; }
.badge { display:inline-block; font-size:.75rem; padding:.05rem .45rem; border-radius:999px; border:1px solid var(--line); color:var(--muted); }
.badge.conflict { border-color:var(--conflict); color:var(--conflict); font-weight:600; }
.badge.ok { border-color:var(--ok); color:var(--ok); }
.badge.hedged { border-color:var(--warn); color:var(--warn); margin-left:.3rem; }
.badge.failing { border-color:var(--conflict); color:var(--conflict); }
.badge.new, .badge.removed { color:var(--muted); }
.statement { scroll-margin-top:1rem; }
.statement:target { outline:3px solid var(--accent); }
.statement.has-conflict { border-left:5px solid var(--conflict); }
.conflict-box { background:#fdecec; border:1px solid #f3b7ba; color:#7d1419; padding:.5rem .7rem; border-radius:6px; margin:.5rem 0; }
blockquote { margin:.4rem 0; padding:.3rem .8rem; border-left:3px solid var(--line); color:#2b3342; font-style:italic; }
ul.sources { list-style:none; padding:0; margin:.4rem 0 0; }
ul.sources > li { padding:.5rem 0; border-top:1px dashed var(--line); }
.copies { font-size:.85rem; color:var(--muted); }
svg.timeline { width:100%; height:auto; background:var(--card); border:1px solid var(--line); border-radius:8px; }
svg.timeline .grid { stroke:#eef1f5; }
svg.timeline .axis, svg.timeline .axis-tick { stroke:#8a93a3; }
svg.timeline .tick { font-size:11px; fill:var(--muted); }
svg.timeline .unit { font-size:12px; fill:var(--muted); }
svg.timeline .trend { fill:none; stroke:#9db6dd; stroke-width:1.5; stroke-dasharray:4 4; }
svg.timeline .dot { fill:#fff; stroke:var(--accent); stroke-width:2.5; }
svg.timeline .dot.exact { fill:var(--accent); }
svg.timeline .dot.current { stroke-width:3.5; }
svg.timeline .bound { fill:none; stroke:var(--accent); stroke-width:2; }
svg.timeline .bound.conflicting { stroke:var(--conflict); }
svg.timeline .conflict-ring { fill:none; stroke:var(--conflict); stroke-width:2; stroke-dasharray:3 2; }
svg.timeline .date-span { stroke:#9db6dd; stroke-width:6; stroke-linecap:round; opacity:.6; }
svg.timeline .range { stroke:var(--accent); stroke-width:6; opacity:.35; stroke-linecap:round; }
svg.timeline a.point:hover .dot, svg.timeline a.point:focus .dot { fill:#dce8fb; }
.legend { font-size:.85rem; color:var(--muted); margin:.4rem 0 1rem; }
.legend span { margin-right:1rem; }
.grid-2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(300px, 1fr)); gap:1rem; margin-top:1rem; }
.stat { font-size:1.6rem; font-weight:700; }
a.download { display:inline-block; padding:.15rem .6rem; margin-left:.3rem; border:1px solid var(--accent); border-radius:6px; text-decoration:none; font-size:.85rem; }
a.download:hover { background:#e8f0fb; }
form.inline { display:inline; }
td.actions button, form.add-form button, form.edit-form button { font:inherit; font-size:.85rem; padding:.1rem .5rem; margin:0 .2rem .2rem 0; border:1px solid var(--accent); border-radius:6px; background:#fff; color:var(--accent); cursor:pointer; }
form.add-form, form.edit-form { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; }
form.add-form label, form.edit-form label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); }
form.add-form input { min-width:22rem; }
details.edit summary { cursor:pointer; color:var(--accent); font-size:.85rem; }
.badge.paused { border-color:var(--warn); color:var(--warn); }
.badge.tag { color:var(--ink); }
.notice { padding:.5rem .8rem; border-radius:6px; margin:.5rem 0 1rem; }
.notice.done { background:#e9f6ee; border:1px solid #a6d8b8; }
.notice.error { background:#fdecec; border:1px solid #f3b7ba; color:#7d1419; }
`;

export type Section = 'figures' | 'feeds' | 'pipeline' | 'webhooks' | 'queues' | 'docs';

/** The page shell: one stylesheet inline, no script, no external asset. */
export function page(title: string, section: Section, body: SafeHtml): string {
  const nav = (href: string, name: Section, label: string) =>
    html`<a href="${href}" ${trusted(section === name ? 'aria-current="page"' : '')}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Tally</title>
    <style>
      ${trusted(css)}
    </style>
  </head>
  <body>
    <header class="top">
      <span class="brand">TALLY</span>
      ${nav('/', 'figures', 'Figures')} ${nav('/feeds/page', 'feeds', 'Feeds')} ${nav('/pipeline', 'pipeline', 'Pipeline')} ${nav('/webhooks/page', 'webhooks', 'Webhooks')}
      ${nav('/admin/queues', 'queues', 'Queues')} ${nav('/docs', 'docs', 'API')}
    </header>
    <main>${body}</main>
  </body>
</html>`.value;
}
