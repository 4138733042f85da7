// Property tests of the engine itself: whatever a rule reports, findings come out inside the text
// and on whole surrogate pairs; removal applies only what it is given; all rules together hold the
// same invariants as each alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/document/document.js';
import { lintDocument, locate } from '../../src/engine/lint-document.js';
import { removeRanges } from '../../src/fix/apply.js';
import { fixLoop } from '../../src/fix/fix-loop.js';
import { ruleRegistry } from '../../src/rules/index.js';
import type { Range, RuleModule } from '../../src/types.js';
import { activeRule, anyFormat, corpusText, findingProblems, removalOnlyProblem, RUNS, splitsPair } from './harness.js';

const wildNumber = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.5));

/** A rule that reports whatever it is told, to check the engine's own guard rails. */
function wildRule(reports: { start: number; end: number; remove: [number, number][] }[]): RuleModule {
  return {
    meta: {
      id: 'wild', description: 'd', rationale: 'r', docsUrl: 'u', messages: { m: 'm' }, defaultSeverity: 'error', recommended: false,
      options: {}, fix: { safety: 'safe' }, needs: ['text'], examples: { valid: [], invalid: [] },
    },
    check(context) {
      for (const r of reports) context.report({ messageId: 'm', start: r.start, end: r.end, remove: r.remove });
    },
  };
}

const pairText = fc.array(fc.constantFrom('a', ' ', '\n', '\ud83d\ude00', '\ud800', '\udc00', '- ', '\r\n'), { maxLength: 40 }).map((p) => p.join(''));

describe('engine guard rails', () => {
  it('clamps any reported range into the text and onto whole surrogate pairs', () => {
    const report = fc.record({ start: wildNumber, end: wildNumber, remove: fc.array(fc.tuple(wildNumber, wildNumber), { maxLength: 3 }) });
    fc.assert(
      fc.property(pairText, fc.array(report, { maxLength: 4 }), (text, reports) => {
        const { findings } = lintDocument(new Document({ text, format: 'text', path: 'w' }), [{ module: wildRule(reports), severity: 'error', options: {} }]);
        expect(findingProblems(text, findings)).toEqual([]);
        const fixed = fixLoop(text, (t) => lintDocument(new Document({ text: t, format: 'text', path: 'w' }), [{ module: wildRule(reports), severity: 'error', options: {} }]), { unsafe: true });
        // Removing whole pairs only never creates a lone surrogate that was not in the input.
        const lone = (s: string) => s.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g)?.length ?? 0;
        expect(lone(fixed.output)).toBeLessThanOrEqual(lone(text));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it("builds a finding's own range as its fix's ranges are clamped, its position as locate gives it, and its fields in one order", () => {
    const report = fc.record({ start: wildNumber, end: wildNumber });
    const check = (text: string, reports: { start: number; end: number }[], inRecord: boolean) => {
      const rule = wildRule(reports.map((r) => ({ ...r, remove: [[r.start, r.end]] })));
      const document = new Document({ text, format: 'text', path: 'w', ...(inRecord ? { record: { index: 0, line: 7 } } : {}) });
      const { findings } = lintDocument(document, [{ module: rule, severity: 'error', options: {} }]);
      for (const finding of findings) {
        // The removal goes through the array clamp; the finding's own range through the scalar one.
        if (finding.end > finding.start) expect(finding.fix!.remove).toEqual([[finding.start, finding.end]]);
        else expect(finding.fix).toBeUndefined();
        expect({ line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }).toEqual(locate(document, finding.start, finding.end));
        const keys = ['ruleId', 'messageId', 'severity', 'message', 'start', 'end', 'line', 'column', 'endLine', 'endColumn', ...(inRecord ? ['record'] : []), ...(finding.fix ? ['fix'] : []), 'excerpt'];
        expect(Object.keys(finding)).toEqual(keys);
      }
    };
    // Every range around and inside surrogate pairs, then random texts and wild numbers.
    const edges = [-1, 0, 1, 2, 3, 4, 5, 6, 0.5, Number.NaN, Infinity, -Infinity];
    for (const text of ['\ud83d\ude00a\ud83d\ude00', 'a\ud800\ud83d\ude00\n\udc00b']) {
      for (const inRecord of [false, true]) check(text, edges.flatMap((start) => edges.map((end) => ({ start, end }))), inRecord);
    }
    fc.assert(fc.property(pairText, fc.array(report, { maxLength: 4 }), fc.boolean(), check), { numRuns: RUNS * 5 });
  });

  it('removeRanges deletes only the given ranges plus seam whitespace, for any ranges', () => {
    const range = fc.tuple(fc.nat(60), fc.nat(12)).map(([s, l]) => [s, s + l] as Range);
    fc.assert(
      fc.property(corpusText, fc.array(range, { maxLength: 6 }), (text, raw) => {
        const ranges = raw.map(([s, e]) => [Math.min(s, text.length), Math.min(e, text.length)] as Range).filter(([s, e]) => !splitsPair(text, s) && !splitsPair(text, e));
        const output = removeRanges(text, ranges);
        const problem = removalOnlyProblem(text, ranges, output);
        if (problem) throw new Error(`${JSON.stringify(text)} minus ${JSON.stringify(ranges)} → ${JSON.stringify(output)}: ${problem}`);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('all registered rules together', () => {
  const rules = [...ruleRegistry.values()];

  it('hold the invariants on hostile text, and --fix with all of them is idempotent', () => {
    fc.assert(
      fc.property(corpusText, anyFormat, (text, format) => {
        const active = rules.map((rule) => activeRule(rule, text, format));
        const lint = (t: string) => lintDocument(new Document({ text: t, format, path: 'all' }), active);
        const problems = findingProblems(text, lint(text).findings);
        if (problems.length > 0) throw new Error(`${format} ${JSON.stringify(text)}: ${problems.join('; ')}`);
        const once = fixLoop(text, lint, { unsafe: true }).output;
        const twice = fixLoop(once, lint, { unsafe: true }).output;
        if (twice !== once) throw new Error(`${format} ${JSON.stringify(text)} → ${JSON.stringify(once)} → ${JSON.stringify(twice)}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
