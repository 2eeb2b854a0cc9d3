import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { isFurnitureElement } from './src/furniture.ts';
const name = process.argv[2]!;
const html = readFileSync('/work/shared/corpus/extract-readability/' + name + '/source.html', 'utf8').replace(/<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>/gi, '');
const { document } = parseHTML(html);
const expected = readFileSync('/work/shared/corpus/extract-readability/' + name + '/expected.html', 'utf8');
const { document: exp } = parseHTML(expected);
const want = ' ' + (exp.documentElement.textContent ?? '').toLowerCase().replace(/\s+/g, ' ') + ' ';
const visit = (el: Element): void => {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (isFurnitureElement(c as Element)) {
      const t = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
      const words = t.split(' ').filter(Boolean);
      // how much of its text is in the reference
      let inRef = 0;
      for (let i = 0; i + 4 <= words.length; i += 4) if (want.includes(' ' + words.slice(i, i + 4).join(' ').toLowerCase() + ' ')) inRef++;
      const frac = words.length >= 4 ? inRef / Math.floor(words.length / 4) : 0;
      if (words.length > 0) console.log(frac.toFixed(2), String(words.length).padStart(5), `<${c.localName} class="${c.getAttribute('class') ?? ''}" id="${c.getAttribute('id') ?? ''}">`, t.slice(0, 90));
      continue;
    }
    visit(c as Element);
  }
};
visit(document.body);
