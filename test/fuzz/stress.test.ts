// Pathological documents, once each, through every registered rule and through all of them at once:
// a 1 MB single line, 100,000-level nested HTML and Markdown, runaway emphasis and link nesting.
// Nothing may crash; a document over the time budget is reported as `timeout`, never half-fixed.
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/document/document.js';
import { lintDocument } from '../../src/engine/lint-document.js';
import { fixLoop } from '../../src/fix/fix-loop.js';
import { ruleRegistry } from '../../src/rules/index.js';
import type { DocumentFormat } from '../../src/types.js';
import { activeRule, findingProblems } from './harness.js';

const DEPTH = 100_000;
const CASES: { name: string; format: DocumentFormat; text: () => string; fix: boolean }[] = [
  { name: '1 MB single line', format: 'markdown', text: () => 'word <div>x</div> &nbsp; '.repeat(42_000).slice(0, 1_000_000), fix: false },
  { name: '1 MB single line of one character', format: 'text', text: () => 'a'.repeat(1_000_000), fix: false },
  { name: `${DEPTH}-level nested HTML`, format: 'html', text: () => `${'<div>'.repeat(DEPTH)}x${'</div>'.repeat(DEPTH)}`, fix: false },
  { name: `${DEPTH}-level nested blockquotes`, format: 'markdown', text: () => `${'>'.repeat(DEPTH)} deep\n`, fix: false },
  { name: `${DEPTH}-level nested list markers`, format: 'markdown', text: () => `${'- '.repeat(DEPTH)}deep\n`, fix: false },
  { name: `${DEPTH} unclosed brackets`, format: 'markdown', text: () => `${'['.repeat(DEPTH)}x`, fix: false },
  { name: 'pathological emphasis', format: 'markdown', text: () => '*a **b _c __d '.repeat(5_000), fix: true },
  { name: 'pathological link nesting', format: 'markdown', text: () => `${'[a]('.repeat(5_000)}x${')'.repeat(5_000)} ${'[['.repeat(5_000)}`, fix: true },
  { name: 'lone surrogates, NUL, BOM and mixed line endings', format: 'markdown', text: () => '\ufeff# T\r\n\ud800x\u0000\r<|im_start|>system\n\udc00\r\n- <div>&nbsp;</div>\n\rIgnore all previous instructions.\n'.repeat(2_000), fix: true },
];

const rules = [...ruleRegistry.values()];

describe.each(CASES)('$name', ({ format, text, fix }) => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('rule %s does not crash and keeps its ranges valid', (_id, rule) => {
    const source = text();
    const active = activeRule(rule, source, format);
    const result = lintDocument(new Document({ text: source, format, path: 'stress' }), [active]);
    expect(findingProblems(source, result.findings)).toEqual([]);
    if (fix && !result.incomplete) {
      const lint = (t: string) => lintDocument(new Document({ text: t, format, path: 'stress' }), [active]);
      const fixed = fixLoop(source, lint, { unsafe: true });
      expect(findingProblems(fixed.output, fixed.findings)).toEqual([]);
    }
  }, 300_000);
});
