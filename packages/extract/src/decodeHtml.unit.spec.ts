import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decodeHtml.ts';

const CHINESE = '谷歌的人工智能程序在围棋比赛中击败了世界冠军，这一结果让许多研究人员感到意外。';
const GB2312_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';

function page(head: string): string {
  return `<html><head>${head}<title>t</title></head><body><p>${CHINESE}</p></body></html>`;
}

describe('decodeHtml against a declaration the bytes contradict', () => {
  it('reads valid UTF-8 as UTF-8 under a legacy meta charset (a page re-saved as UTF-8)', () => {
    const { html, charset } = decodeHtml(new TextEncoder().encode(page(GB2312_META)), 'text/html');
    expect(charset).toBe('utf-8');
    expect(html).toContain(CHINESE);
  });

  it('still follows the declaration for bytes that are in the declared charset', () => {
    const { html, charset } = decodeHtml(new Uint8Array(iconv.encode(page(GB2312_META), 'gb2312')), 'text/html');
    expect(charset).toBe('gb2312');
    expect(html).toContain(CHINESE);
  });
});
