/**
 * CSV as RFC 4180 writes it: fields joined by commas, records ended by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF (its quotes doubled). On top of that, a text cell that a
 * spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or CR) gets a
 * leading `'`, as OWASP's guidance on CSV injection advises: figures come from articles on the open
 * web, and a sentence is the author's text, not ours. Numbers are written as numbers (`-3.5` stays a
 * number: it is not text that someone wrote).
 */

export type CsvCell = string | number | boolean | null | undefined;

/** The first characters a spreadsheet treats as the start of a formula (or of a DDE payload). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell of a record. Empty for null and undefined; text defused when it could run as a formula. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
