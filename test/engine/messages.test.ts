import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/engine/messages.js';

// The straightforward fill, as the engine once did it: the compiled templates must agree with it.
function replaceFill(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (data && name in data ? String(data[name]) : whole));
}

describe('formatMessage', () => {
  it('fills placeholders and keeps those without a value', () => {
    expect(formatMessage('HTML tag left in the text: {{ tag }} ({{n}})', { tag: '<div>', n: 3 })).toBe('HTML tag left in the text: <div> (3)');
    expect(formatMessage('{{missing}} and {{ok}}', { ok: '$&' })).toBe('{{missing}} and $&');
    expect(formatMessage('no placeholders', undefined)).toBe('no placeholders');
    expect(formatMessage('{{a}}{{a}}', { a: '{{a}}' })).toBe('{{a}}{{a}}');
  });

  it('agrees with a regex replace on generated templates and data', () => {
    const names = fc.constantFrom('tag', 'n', 'x_1', 'constructor', 'toString', 'count');
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      names.map((name) => `{{${name}}}`),
      fc.tuple(fc.constantFrom('', ' ', '  '), names, fc.constantFrom('', ' ')).map(([a, name, b]) => `{{${a}${name}${b}}}`),
      fc.constantFrom('{', '}', '{{', '}}', '{{ }}', '{{a-b}}', '$&', '$1'),
    );
    const template = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    const data = fc.option(fc.dictionary(names, fc.oneof(fc.string({ maxLength: 6 }), fc.integer())), { nil: undefined });
    fc.assert(
      fc.property(template, data, (t, d) => {
        // Twice: the second call reads the compiled template from the cache.
        expect(formatMessage(t, d)).toBe(replaceFill(t, d));
        expect(formatMessage(t, d)).toBe(replaceFill(t, d));
      }),
      { numRuns: 2000 },
    );
  });
});
