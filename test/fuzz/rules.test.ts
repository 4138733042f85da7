// Property tests over every rule in the registry (rules registered later are covered as they land):
// on hostile text in every format, no rule crashes, every range lies inside the document without
// splitting a surrogate pair, fixes remove only their ranges (plus seam whitespace), and fixing the
// fixed text changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleRegistry } from '../../src/rules/index.js';
import { applyFixes } from '../../src/fix/apply.js';
import { anyFormat, corpusText, findingProblems, fixOne, lintOne, removalOnlyProblem, RUNS } from './harness.js';

const rules = [...ruleRegistry.values()];

describe('the registry is fuzzed', () => {
  it('has rules to fuzz', () => {
    expect(rules.length).toBeGreaterThan(0);
  });
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('rule %s under fuzzing', (_id, rule) => {
  it('never crashes, and reports ranges inside the text that do not split surrogate pairs', () => {
    fc.assert(
      fc.property(corpusText, anyFormat, (text, format) => {
        const problems = findingProblems(text, lintOne(rule, text, format).findings);
        if (problems.length > 0) throw new Error(`${format} ${JSON.stringify(text)}: ${problems.join('; ')}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('one fix pass removes only the reported ranges plus seam whitespace', () => {
    fc.assert(
      fc.property(corpusText, anyFormat, (text, format) => {
        const { findings, incomplete } = lintOne(rule, text, format);
        if (incomplete) return;
        const { output, applied } = applyFixes(text, findings, { unsafe: true });
        const problem = removalOnlyProblem(text, applied.flatMap((f) => f.fix!.remove), output);
        if (problem) throw new Error(`${format} ${JSON.stringify(text)} → ${JSON.stringify(output)}: ${problem}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('--fix is idempotent: fixing the fixed text changes nothing', () => {
    fc.assert(
      fc.property(corpusText, anyFormat, (text, format) => {
        const once = fixOne(rule, text, format);
        const twice = fixOne(rule, once, format);
        if (twice !== once) throw new Error(`${format} ${JSON.stringify(text)} → ${JSON.stringify(once)} → ${JSON.stringify(twice)}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
