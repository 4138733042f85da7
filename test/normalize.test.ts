import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizedView, needsNormalization, INVISIBLE_CANDIDATES, isInvisible, foldCodePoint, isTagCharacter } from '../src/normalize/index.js';
import { decodeReferenceAt } from '../src/normalize/entities.js';
import { Document } from '../src/document/document.js';
import { documentNormalizedView } from '../src/normalize/index.js';

const view = (text: string, tags: 'drop' | 'decode' = 'drop') => normalizedView(text, { tags });
const tagged = (ascii: string) => [...ascii].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('normalizedView', () => {
  it.each([
    ['plain ASCII stays as it is', 'plain <|im_start|> text', 'plain <|im_start|> text'],
    ['decodes named, decimal and hex references', '&lt;&#124;im_start&#x7C;&gt;', '<|im_start|>'],
    ['decodes double-escaped references', '&amp;lt;s&amp;gt;', '<s>'],
    ['leaves unknown references alone', '&bogus; &amp', '&bogus; &'],
    ['folds fullwidth forms (NFKD)', '＜｜ｉｍ＿ｓｔａｒｔ｜＞', '<|im_start|>'],
    ['folds mathematical alphanumerics', '<|𝐢𝐦_𝓈𝓉𝒶𝓇𝓉|>', '<|im_start|>'],
    ['drops zero-width characters', '<|im\u200b_sta\u200crt\u2060|>', '<|im_start|>'],
    ['drops soft hyphens', '[IN\u00adST]', '[INST]'],
    ['drops combining marks', '<|i\u0336m\u0336_start|\u0301>', '<|im_start|>'],
    ['folds Cyrillic homoglyphs', '<|ѕуѕtеm|>', '<|system|>'],
    ['folds Greek homoglyphs', '[ΙΝSΤ] <|αssistant|>', '[INST] <|assistant|>'],
    ['folds accented letters to their base', 'sýstém', 'system'],
    ['folds small capitals', '[ɪɴꜱᴛ]', '[inst]'],
    ['folds DeepSeek full-width bars and the lower block', '<｜end▁of▁sentence｜>', '<|end_of_sentence|>'],
    ['drops tag characters by default', `x${tagged('[INST]')}y`, 'xy'],
  ])('%s', (_name, input, expected) => {
    expect(view(input).text).toBe(expected);
  });

  it('decodes runs of tag characters when asked to', () => {
    expect(view(`x${tagged('<|im_start|>')}y`, 'decode').text).toBe('x<|im_start|>y');
  });

  it('never decodes the tag run of an emoji flag sequence', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(view(`flag ${scotland}.`, 'decode').text).toBe('flag \u{1F3F4}.');
  });

  it('maps a match back to the original characters, invisible ones inside it included', () => {
    const text = 'ab <|im\u200b_start\u200d|> cd';
    const v = view(text);
    const at = v.text.indexOf('<|im_start|>');
    const [s, e] = v.toOriginal(at, at + '<|im_start|>'.length);
    expect(text.slice(s, e)).toBe('<|im\u200b_start\u200d|>');
  });

  it('maps a decoded reference back to the whole reference', () => {
    const text = 'x &#x5B;/INST&#x5D; y';
    const v = view(text);
    const at = v.text.indexOf('[/INST]');
    expect(text.slice(...v.toOriginal(at, at + 7))).toBe('&#x5B;/INST&#x5D;');
  });

  it('maps astral characters to whole surrogate pairs', () => {
    const text = '𝐚 <|𝐮𝐬𝐞𝐫|>';
    const v = view(text);
    const at = v.text.indexOf('<|user|>');
    const [s, e] = v.toOriginal(at, at + 8);
    expect(text.slice(s, e)).toBe('<|𝐮𝐬𝐞𝐫|>');
    expect(v.toOriginal(0, 1)).toEqual([0, 2]);
  });

  it('keeps ASCII text without references on the identity fast path', () => {
    expect(needsNormalization('Plain prose, with (parens) and <tags>.')).toBe(false);
    expect(needsNormalization('caf\u00e9')).toBe(true);
    expect(needsNormalization('a &amp; b')).toBe(true);
    expect(view('plain').identity).toBe(true);
  });

  it('is memoised per document', () => {
    const document = new Document({ text: 'a\u200bb', format: 'text', path: 't' });
    expect(documentNormalizedView(document)).toBe(documentNormalizedView(document));
    expect(documentNormalizedView(document).text).toBe('ab');
  });

  it('maps every range inside the original text and onto code point boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), fc.nat(), (text, a, b) => {
        for (const tags of ['drop', 'decode'] as const) {
          const v = view(text, tags);
          const len = v.text.length;
          const start = len === 0 ? 0 : a % (len + 1);
          const end = start + (len === 0 ? 0 : b % (len - start + 1));
          const [s, e] = v.toOriginal(start, end);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(text.length);
          expect(s).toBeLessThanOrEqual(e);
          const splits = (k: number) => k > 0 && k < text.length && /[\ud800-\udbff]/.test(text[k - 1]) && /[\udc00-\udfff]/.test(text[k]);
          expect(splits(s) || splits(e)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('invisible characters', () => {
  it('spells out exactly the format and default-ignorable code points', () => {
    const property = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
    const spelled = new RegExp(`^(?:${INVISIBLE_CANDIDATES.source})$`);
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (property.test(ch) !== spelled.test(ch)) mismatches.push(cp.toString(16));
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('classifies what it drops', () => {
    expect(isInvisible(0x200b)).toBe(true);
    expect(isInvisible(0xe0041)).toBe(true);
    expect(isInvisible(0x0041)).toBe(false);
    expect(isInvisible(0x00e9)).toBe(false);
  });
});

describe('normalizedView against a unit-by-unit reading', () => {
  /**
   * The slow reading: every output unit carries the original range it stands for, a code point at a
   * time. The view keeps runs and segments instead; both must give the same text and ranges.
   */
  function unitByUnit(text: string, decodeTags: boolean): { text: string; toOriginal: (start: number, end: number) => [number, number] } {
    let out = '';
    const from: number[] = [];
    const to: number[] = [];
    const put = (value: string, start: number, end: number) => {
      out += value;
      for (let k = 0; k < value.length; k++) {
        from.push(start);
        to.push(end);
      }
    };
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      if (code === 0x5c && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
        put(text[i + 1], i, i + 2);
        i += 2;
        continue;
      }
      if (code === 0x26) {
        const ref = decodeReferenceAt(text, i);
        if (ref) {
          const cp = ref.value.codePointAt(0)!;
          put(decodeTags && cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : foldCodePoint(cp), i, ref.end);
          i = ref.end;
          continue;
        }
      }
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (decodeTags && isTagCharacter(cp)) {
        let end = i;
        while (end < text.length && isTagCharacter(text.codePointAt(end)!)) end += 2;
        if (!(i >= 2 && text.codePointAt(i - 2) === 0x1f3f4) && end - i >= 4) {
          for (let k = i; k < end; k += 2) {
            const tag = text.codePointAt(k)!;
            if (tag >= 0xe0020 && tag <= 0xe007e) put(String.fromCharCode(tag - 0xe0000), k, k + 2);
          }
        }
        i = end;
        continue;
      }
      // Each unit copied as it is stands for itself; a folded code point's units stand for all of it.
      put(cp < 0x80 ? text[i] : foldCodePoint(cp), i, i + width);
      i += width;
    }
    return {
      text: out,
      toOriginal: (start, end) => {
        const s = Math.max(0, Math.min(start, out.length));
        const e = Math.max(s, Math.min(end, out.length));
        if (e === s) return s < out.length ? [from[s], from[s]] : [text.length, text.length];
        return [from[s], to[e - 1]];
      },
    };
  }

  const pieces = fc.constantFrom(
    'a', 'Z', ' ', '.', '\\', '\\[', '\\a', '&', '&amp;', '&lt;', '&#x41;', '&#65', '&amp;lt;', '&nosuch;', '&nbsp;',
    'é', 'e\u0301', '\u2019', '\u201c', 'ｆ', '\u0430', 'Ж', '中文', 'か', '\u200b', '\u00ad', '\ufeff', '😀', '🏴', '\ud800', '\udc00',
    tagged('hi'), tagged('x'), '\u{e007f}', '&#xE0041;', 'ﬁ', '①', '²', '\u3000',
  );

  it('gives the same text and the same original range for every range of the view', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }).map((p) => p.join('')), fc.boolean(), (text, decode) => {
        const fast = normalizedView(text, { tags: decode ? 'decode' : 'drop' });
        const slow = unitByUnit(text, decode);
        expect(fast.text).toBe(slow.text);
        for (let s = 0; s <= slow.text.length + 1; s++) {
          for (let e = s; e <= slow.text.length + 1; e++) expect(fast.toOriginal(s, e), `${JSON.stringify(text)} ${s}-${e}`).toEqual(slow.toOriginal(s, e));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
