import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalizeText.ts';

describe('normalizeText', () => {
  it('folds curly quotes, dashes, ellipses, ligatures and case into one form', () => {
    const typeset =
      '\u201cWe will do what is necessary,\u201d said Elena Varga \u2014 the bank\u2019s \ufb01rst Governor\u2026';
    const plain = '"We will do what is necessary," said elena varga - the bank\'s first governor...';
    expect(normalizeText(typeset)).toBe(normalizeText(plain));
    expect(normalizeText(plain)).toBe(
      '"we will do what is necessary," said elena varga - the bank\'s first governor...',
    );
  });

  it('turns non-breaking and thin spaces into spaces and drops soft hyphens and zero-width characters', () => {
    expect(normalizeText('4\u202f000 con\u00adtainers\u00a0were\u200b shipped')).toBe('4 000 containers were shipped');
  });

  it('keeps one paragraph per line and at most one blank line in a row', () => {
    expect(normalizeText('  First   paragraph.\r\n\r\n\r\n\tSecond\t paragraph.  \n\n')).toBe(
      'first paragraph.\n\nsecond paragraph.',
    );
  });

  it('maps full-width forms to ASCII', () => {
    expect(normalizeText('\uff2e\uff21\uff34\uff2f summit')).toBe('nato summit');
  });
});
