import { readFileSync } from 'node:fs';

/**
 * The index's Lua, read from the `.lua` files beside this module once, when it loads. A line
 * `-- splice: name.lua` stands for that file: the parts of the check-and-insert script read and
 * change its locals, so they must sit inside its one chunk, where those are in scope.
 *
 * Each file is named by a literal URL beside this module, as below: that is how the deployables'
 * bundler finds them and copies them beside the bundle, where these URLs then point.
 */
const PARTS: Readonly<Record<string, URL>> = {
  'indexBuckets.lua': new URL('./indexBuckets.lua', import.meta.url),
  'sourceBins.lua': new URL('./sourceBins.lua', import.meta.url),
  'wholeText.lua': new URL('./wholeText.lua', import.meta.url),
};

function readLua(url: URL): string {
  return readFileSync(url, 'utf8').replace(/^-- splice: (\S+)$/gm, (_line, name: string) => {
    const part = PARTS[name];
    if (!part) throw new Error(`${url.pathname}: no Lua part ${name}`);
    return readLua(part);
  });
}

/** The atomic check-and-insert of a batch of documents (checkAndInsert.lua). */
export const CHECK_AND_INSERT_LUA = readLua(new URL('./checkAndInsert.lua', import.meta.url));

/** A source's boilerplate sentences, answered and recorded in one step (sourceSentences.lua). */
export const SOURCE_SENTENCES_LUA = readLua(new URL('./sourceSentences.lua', import.meta.url));
