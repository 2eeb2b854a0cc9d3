import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/parseCsv.ts';
import { csvCell, csvRecord } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('containers')).toBe('containers');
    expect(csvCell(11_000)).toBe('11000');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes a field with a comma, a quote or a line break and doubles its quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('he said "more than 1,000"')).toBe('"he said ""more than 1,000"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2 points')).toBe("'-2 points");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a = b')).toBe('a = b');
  });
});

describe('csvRecord', () => {
  it('ends a record with CRLF and reads back field for field', () => {
    const cells = ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines', '', '=1+1'];
    const text = csvRecord(cells) + csvRecord(['second', 2, null]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines', '', "'=1+1"],
      ['second', '2', ''],
    ]);
  });
});
