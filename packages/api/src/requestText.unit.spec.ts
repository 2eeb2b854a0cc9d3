import { describe, expect, it } from 'vitest';
import { freeText, identifierText, textProblem } from './requestText.ts';

describe('textProblem', () => {
  it('refuses NUL, control characters and lone surrogates, in identifiers and free text', () => {
    for (const spacing of [false, true]) {
      expect(textProblem('a\u0000b', spacing)).toMatch(/NUL/);
      expect(textProblem('\u0001', spacing)).toMatch(/control/);
      expect(textProblem('a\u007fb', spacing)).toMatch(/control/);
      expect(textProblem('a\u009bb', spacing)).toMatch(/control/);
      expect(textProblem('a\ud800b', spacing)).toMatch(/surrogate/);
      expect(textProblem('\udc00', spacing)).toMatch(/surrogate/);
    }
  });

  it('takes any well-formed text, and tabs and line breaks in free text only', () => {
    for (const text of ['transfer:KP>RU:container', 'Łódź – 東京 🙂', '', 'a b']) {
      expect(textProblem(text, false), text).toBeNull();
      expect(textProblem(text, true), text).toBeNull();
    }
    expect(textProblem('line\none\tcol\r', true)).toBeNull();
    expect(textProblem('line\none', false)).toMatch(/control/);
  });
});

describe('schemas', () => {
  it('report the problem as a validation issue', () => {
    const id = identifierText().safeParse('x\u0000y');
    expect(id.success).toBe(false);
    expect(id.error?.issues[0]?.message).toMatch(/NUL/);
    expect(freeText().parse('two\nlines')).toBe('two\nlines');
    expect(identifierText().parse('ok')).toBe('ok');
  });
});
