import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { domText } from './domText.ts';

const quiet = new VirtualConsole();

/** The text of an HTML document or fragment, read with jsdom (the DOM Readability's test suite uses). */
export function htmlText(html: string): string {
  const dom = new JSDOM(html, { virtualConsole: quiet });
  try {
    return domText(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}

/**
 * What Readability (the installed `@mozilla/readability`, with its default options) extracts from a
 * page on jsdom, read as text the same way as its reference output.
 */
export function readabilityText(html: string, url: string): string {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    const article = new Readability<Element>(dom.window.document, { serializer: (node) => node as Element }).parse();
    return article?.content ? domText(article.content) : '';
  } finally {
    dom.window.close();
  }
}
