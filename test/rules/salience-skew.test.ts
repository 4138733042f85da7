import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rule from '../../src/rules/salience-skew.js';
import { fixWith, lintWith, ruleTester } from '../support/rule-tester.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'salience', name), 'utf8');
const clean = fixture('clean-article.md');
const withTable = fixture('article-with-table.md');
const withNav = fixture('article-with-bold-nav.md');
const tableStart = withTable.indexOf('| Part');
const tableEnd = withTable.indexOf('| Mudguard | Basket | Lock | Stand |') + '| Mudguard | Basket | Lock | Stand |'.length;
const navEnd = withNav.indexOf('- **Search**') + '- **Search**'.length;

ruleTester(rule, {
  valid: [
    { name: 'clean article with headings', text: clean, format: 'markdown' },
    { name: 'clean article as plain text', text: clean.replace(/^#+ /gm, ''), format: 'text' },
    { name: 'too few units to judge', text: '- **Home**\n- **News**\n', format: 'markdown' },
    { name: 'thresholds opened up', text: withNav, format: 'markdown', options: { maxLowContentShare: 1, minCoverage: 0 } },
    ...rule.meta.examples.valid.map((e, i) => ({ name: `meta valid example ${i}`, text: e.text, format: e.format, options: e.options })),
  ],
  invalid: [
    {
      name: 'article with a big table of one-word cells',
      text: withTable,
      format: 'markdown',
      errors: [
        { messageId: 'skew', start: 0, end: 0, severity: 'warning', message: 'low-content hotspots hold' },
        { messageId: 'hotspot', start: tableStart, end: tableEnd, message: 'table (40 cells, starting "Part")' },
      ],
      output: withTable
        .slice(0, tableStart)
        .concat(
          'Part Part Part Part\nFrame Wheel Chain Saddle\nPedal Brake Spoke Tyre\nGear Hub Fork Crank\nBell Lamp Rack Pump\nValve Rim Stem Grip\nCable Lever Axle Nut\nBolt Seat Tube Cog\nLink Pin Cap Clip\nMudguard Basket Lock Stand',
          withTable.slice(tableEnd),
        ),
    },
    {
      name: 'article with a nav menu in bold',
      text: withNav,
      format: 'markdown',
      errors: [
        { messageId: 'skew', message: 'asking 32 questions' },
        { messageId: 'hotspot', start: 0, end: navEnd, message: 'emphasised list (10 items, starting "**Home**")' },
      ],
      output: withNav.replace(/\*\*/g, ''),
    },
    {
      name: 'link list over a short text',
      text: '- [Home](/)\n- [World](/world)\n- [Business](/business)\n- [Sport](/sport)\n\nThe ferry to Skye now sails twice a day from Mallaig, up from once in 2019.\n',
      format: 'markdown',
      errors: [{ messageId: 'skew' }, { messageId: 'hotspot', message: 'link list (4 items' }],
    },
    {
      name: 'flagged on coverage alone when the threshold asks for it',
      text: clean,
      format: 'markdown',
      options: { minCoverage: 0.6 },
      errors: [{ messageId: 'skew', message: 'would cover 0.57 of the units (uniform sampling 0.64, targeted 1.00)' }, { messageId: 'salient' }, { messageId: 'salient' }, { messageId: 'salient' }, { messageId: 'salient' }, { messageId: 'salient' }],
    },
    ...rule.meta.examples.invalid.map((e, i) => ({ name: `meta invalid example ${i}`, text: e.text, format: e.format, options: e.options, errors: e.findings ?? 1, output: e.output })),
  ],
});

describe('salience-skew fix', () => {
  it('is idempotent on the constructed documents', () => {
    for (const text of [withTable, withNav, ...rule.meta.examples.invalid.map((e) => e.text)]) {
      const once = fixWith(rule, text, 'markdown');
      expect(fixWith(rule, once, 'markdown')).toBe(once);
    }
  });

  it('removes only decoration: the words stay', () => {
    for (const text of [withTable, withNav]) {
      const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(words(fixWith(rule, text, 'markdown'))).toEqual(words(text));
    }
  });

  it('leaves a table alone when some of its cells carry content', () => {
    const text = `${clean}\n| Year | Event |\n|---|---|\n| 1885 | John Kemp Starley builds the Rover safety bicycle in Coventry with a chain drive |\n| A | B |\n| C | D |\n| E | F |\n| G | H |\n`;
    const findings = lintWith(rule, text, 'markdown', { maxLowContentShare: 0.05 });
    const table = findings.find((f) => f.message.includes('table'));
    expect(table).toBeDefined();
    expect(table!.fix).toBeUndefined();
  });

  it('marks the fix unsafe', () => {
    const hotspot = lintWith(rule, withNav, 'markdown').find((f) => f.messageId === 'hotspot');
    expect(hotspot?.fix?.safety).toBe('unsafe');
  });

  it('does not crash and keeps ranges inside the text on hostile input', () => {
    const inputs = ['\ud800'.repeat(20) + '\n\n- **a**\n'.repeat(50), '| x |\r\n|---|\r\n'.repeat(300), '**' + 'a '.repeat(100_000), '<b>'.repeat(10_000)];
    for (const text of inputs) {
      for (const format of ['markdown', 'text', 'html'] as const) {
        for (const f of lintWith(rule, text, format)) {
          expect(f.ruleId).toBe('salience-skew');
          expect(f.end).toBeLessThanOrEqual(text.length);
          for (const [s, e] of f.fix?.remove ?? []) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(text.length);
            expect(/[\udc00-\udfff]/.test(text[s] ?? '') && /[\ud800-\udbff]/.test(text[s - 1] ?? '')).toBe(false);
          }
        }
      }
    }
  }, 60_000);
});
