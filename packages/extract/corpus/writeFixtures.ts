/**
 * Regenerates `fixtures/pages/`: every generated page as the bytes a server would send, its expected
 * text, and a manifest with its URL, Content-Type and expected metadata. Run after changing a
 * template or an article:
 *
 *     npx tsx packages/extract/corpus/writeFixtures.ts
 *
 * The hand-written pages in `fixtures/edge/` are not touched.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { encodePage, fixtureArticles, type ManifestEntry, pageName, renderFixturePages } from './fixtureSet.ts';

const dir = new URL('../fixtures/pages/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(new URL(file, dir));

const articles = fixtureArticles();
const manifest: ManifestEntry[] = renderFixturePages().map((page, i) => {
  const name = pageName(i, page, articles[i]!.id);
  writeFileSync(new URL(`${name}.html`, dir), encodePage(page.html, page.charset));
  writeFileSync(new URL(`${name}.txt`, dir), `${page.text}\n`);
  return {
    name,
    template: page.template,
    url: page.url,
    contentType: page.contentType,
    charset: page.charset,
    expected: page.expected,
  };
});
writeFileSync(new URL('manifest.json', dir), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${manifest.length} pages`);
