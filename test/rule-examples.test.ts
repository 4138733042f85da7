// Every rule's documented examples are true: they run here exactly as the docs pages show them.
import { describe, expect, it } from 'vitest';
import { ruleRegistry } from '../src/rules/index.js';
import type { RuleExample, RuleModule } from '../src/types.js';
import { fixWith, lintWith } from './support/rule-tester.js';

const preview = (example: RuleExample) => JSON.stringify(example.text.length > 60 ? `${example.text.slice(0, 60)}…` : example.text);

function findingsOf(rule: RuleModule, example: RuleExample) {
  return lintWith(rule, example.text, example.format, example.options).filter((f) => f.ruleId === rule.meta.id);
}

describe('rule examples', () => {
  it('every rule documents at least one valid and one invalid example', () => {
    const lacking = [...ruleRegistry.values()].filter((r) => r.meta.examples.valid.length === 0 || r.meta.examples.invalid.length === 0).map((r) => r.meta.id);
    expect(lacking).toEqual([]);
  });

  for (const rule of ruleRegistry.values()) {
    describe(rule.meta.id, () => {
      rule.meta.examples.valid.forEach((example, i) => {
        it(`valid #${i}: ${preview(example)}`, () => {
          const found = findingsOf(rule, example).map((f) => `${f.messageId}: ${example.text.slice(f.start, f.end)}`);
          expect(found).toEqual([]);
        });
      });
      rule.meta.examples.invalid.forEach((example, i) => {
        it(`invalid #${i}: ${preview(example)}`, () => {
          const found = findingsOf(rule, example);
          if (example.findings !== undefined) expect(found.length).toBe(example.findings);
          else expect(found.length).toBeGreaterThan(0);
          if (example.output !== undefined) {
            expect(rule.meta.fix, 'the example has an output but the rule declares no fix').toBeDefined();
            expect(fixWith(rule, example.text, example.format, example.options)).toBe(example.output);
          }
        });
      });
    });
  }
});
