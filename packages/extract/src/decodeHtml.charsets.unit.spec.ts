import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decodeHtml.ts';
import { ExtractError } from './ExtractError.ts';

const RUSSIAN = 'Северная Корея передала России более тысячи контейнеров с боеприпасами, заявили в Белом доме.';
const UKRAINIAN =
  'Енергетики відновили живлення для 120 тисяч родин після нічної атаки, повідомили в обласній адміністрації.';

function page(body: string, head = ''): string {
  return `<html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;
}

function bytes(text: string, charset: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, charset));
}

function reason(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof ExtractError ? err.reason : 'other';
  }
}

describe('decodeHtml', () => {
  it('decodes windows-1251 named by the HTTP header', () => {
    const { html, charset } = decodeHtml(bytes(page(RUSSIAN), 'windows-1251'), 'text/html; charset=windows-1251');
    expect(charset).toBe('windows-1251');
    expect(html).toContain(RUSSIAN);
  });

  it('decodes KOI8-R named only by <meta charset>', () => {
    const { html, charset } = decodeHtml(bytes(page(RUSSIAN, '<meta charset="koi8-r">'), 'koi8-r'), 'text/html');
    expect(charset).toBe('koi8-r');
    expect(html).toContain(RUSSIAN);
  });

  it('decodes windows-1251 named by <meta http-equiv="Content-Type">', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">';
    const { html, charset } = decodeHtml(bytes(page(UKRAINIAN, head), 'windows-1251'), null);
    expect(charset).toBe('windows-1251');
    expect(html).toContain(UKRAINIAN);
  });

  it('finds a meta charset pushed past the first kilobyte by inline scripts', () => {
    const head = `<script>${'var x = 1;'.repeat(400)}</script><meta charset="windows-1251">`;
    const { html } = decodeHtml(bytes(page(RUSSIAN, head), 'windows-1251'));
    expect(html).toContain(RUSSIAN);
  });

  it('lets a meta charset overrule a UTF-8 header the bytes contradict', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">';
    const { html, charset } = decodeHtml(bytes(page(RUSSIAN, head), 'windows-1251'), 'text/html; charset=utf-8');
    expect(charset).toBe('windows-1251');
    expect(html).toContain(RUSSIAN);
  });

  it('tells undeclared windows-1251 from KOI8-R by their letters', () => {
    expect(decodeHtml(bytes(page(UKRAINIAN), 'windows-1251')).charset).toBe('windows-1251');
    expect(decodeHtml(bytes(page(RUSSIAN), 'koi8-r')).charset).toBe('koi8-r');
    expect(decodeHtml(bytes(page(RUSSIAN), 'koi8-r')).html).toContain(RUSSIAN);
  });

  it('reads undeclared valid UTF-8 as UTF-8', () => {
    const { html, charset } = decodeHtml(new TextEncoder().encode(page(RUSSIAN)));
    expect(charset).toBe('utf-8');
    expect(html).toContain(RUSSIAN);
  });

  it('decodes iso-8859-1 as windows-1252, as browsers do, so curly quotes survive', () => {
    const text = 'Il a dit \u201cnon\u201d \u2013 la r\u00e9colte baisse.';
    const { html, charset } = decodeHtml(bytes(page(text), 'windows-1252'), 'text/html; charset=ISO-8859-1');
    expect(charset).toBe('windows-1252');
    expect(html).toContain(text);
  });

  it('follows a byte-order mark, even against the header', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode(page(UKRAINIAN), 'utf-16le')]);
    expect(decodeHtml(utf16, 'text/html').html).toContain(UKRAINIAN);
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page(RUSSIAN))]);
    const decoded = decodeHtml(utf8, 'text/html; charset=windows-1251');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.html.startsWith('<html>')).toBe(true);
  });

  it('refuses PDFs and images as not-html', () => {
    expect(reason(() => decodeHtml(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'))).toBe(
      'not-html',
    );
    expect(reason(() => decodeHtml(new TextEncoder().encode('%PDF-1.7\n1 0 obj'), 'text/html'))).toBe('not-html');
    expect(reason(() => decodeHtml(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), null))).toBe(
      'not-html',
    );
    expect(reason(() => decodeHtml(new TextEncoder().encode(page('x')), 'image/jpeg'))).toBe('not-html');
  });

  it('calls undecodable bytes bad-encoding (a compressed body served as a page)', () => {
    const noise = new Uint8Array(4096);
    let state = 7;
    for (let i = 0; i < noise.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      noise[i] = 1 + ((state >>> 16) % 255);
    }
    expect(reason(() => decodeHtml(noise, 'text/html'))).toBe('bad-encoding');
  });
});
