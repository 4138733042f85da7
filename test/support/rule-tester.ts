// An ESLint RuleTester-style harness: a table of valid and invalid cases per rule, with the fixed
// output checked for fixable rules.
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/document/document.js';
import { lintDocument, type ActiveRule } from '../../src/engine/lint-document.js';
import { fixLoop } from '../../src/fix/fix-loop.js';
import { withDefaults } from '../../src/config/options.js';
import type { DocumentFormat, Finding, RuleModule } from '../../src/types.js';

export interface ExpectedFinding {
  messageId?: string;
  start?: number;
  end?: number;
  /** The flagged text, `text.slice(start, end)`. */
  text?: string;
  severity?: 'error' | 'warning';
  /** A substring of the message. */
  message?: string;
}

export interface ValidCase {
  name?: string;
  text: string;
  format?: DocumentFormat;
  options?: Record<string, unknown>;
  corpus?: unknown;
}

export interface InvalidCase extends ValidCase {
  /** Expected findings in order, or just their count. */
  errors: ExpectedFinding[] | number;
  /** Text after fixing with this rule alone (unsafe fixes included). Omit to skip the fix check. */
  output?: string;
}

export function lintWith(rule: RuleModule, text: string, format: DocumentFormat = 'text', options?: Record<string, unknown>, corpus?: unknown): Finding[] {
  const active: ActiveRule = { module: rule, severity: rule.meta.defaultSeverity === 'error' ? 'error' : 'warning', options: withDefaults(rule.meta, options), corpus };
  return lintDocument(new Document({ text, format, path: 'test' }), [active]).findings;
}

export function fixWith(rule: RuleModule, text: string, format: DocumentFormat = 'text', options?: Record<string, unknown>, corpus?: unknown): string {
  const active: ActiveRule = { module: rule, severity: 'error', options: withDefaults(rule.meta, options), corpus };
  const lint = (t: string) => lintDocument(new Document({ text: t, format, path: 'test' }), [active]);
  return fixLoop(text, lint, { unsafe: true }).output;
}

const label = (c: ValidCase, i: number) => c.name ?? `#${i}: ${JSON.stringify(c.text.slice(0, 60))}`;

export function ruleTester(rule: RuleModule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(label(c, i), () => {
          const findings = lintWith(rule, c.text, c.format, c.options, c.corpus);
          expect(findings.map((f) => `${f.messageId}: ${c.text.slice(f.start, f.end)}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(label(c, i), () => {
          const findings = lintWith(rule, c.text, c.format, c.options, c.corpus).filter((f) => f.ruleId === rule.meta.id);
          if (typeof c.errors === 'number') expect(findings.length).toBe(c.errors);
          else {
            expect(findings.length, JSON.stringify(findings.map((f) => [f.messageId, c.text.slice(f.start, f.end)]))).toBe(c.errors.length);
            c.errors.forEach((want, k) => {
              const got = findings[k];
              if (want.messageId !== undefined) expect(got.messageId).toBe(want.messageId);
              if (want.start !== undefined) expect(got.start).toBe(want.start);
              if (want.end !== undefined) expect(got.end).toBe(want.end);
              if (want.text !== undefined) expect(c.text.slice(got.start, got.end)).toBe(want.text);
              if (want.severity !== undefined) expect(got.severity).toBe(want.severity);
              if (want.message !== undefined) expect(got.message).toContain(want.message);
            });
          }
          for (const f of findings) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(c.text.length);
            expect(f.start).toBeLessThanOrEqual(f.end);
          }
          if (c.output !== undefined) {
            expect(rule.meta.fix, `${rule.meta.id} declares no fix but the case has an output`).toBeDefined();
            expect(fixWith(rule, c.text, c.format, c.options, c.corpus)).toBe(c.output);
          }
        });
      });
    });
  });
}
