/**
 * A subscription list as a feed reader exports it: a folder holding a feed and a nested folder, a
 * feed at the top level and, with `nonHttpFeed`, a feed on a scheme other than http(s)
 * (`gopher://old.example/feed`), which an import skips.
 */
export function readerExportOpml({ nonHttpFeed = true }: { nonHttpFeed?: boolean } = {}): string {
  const outlines = [
    '    <outline text="News">',
    '      <outline type="rss" text="Harbour Times" xmlUrl="https://harbour.example/feed"/>',
    '      <outline text="Economy">',
    '        <outline type="rss" text="Market Wire" xmlUrl="https://wire.example/rss"/>',
    '      </outline>',
    '    </outline>',
    '    <outline type="rss" text="Loose" xmlUrl="https://loose.example/atom.xml"/>',
  ];
  if (nonHttpFeed) outlines.push('    <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>');
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Reader export</title></head>
  <body>
${outlines.join('\n')}
  </body>
</opml>`;
}
