// Fix, lint again, repeat: a removal can expose or merge text that another rule then flags, and
// overlapping fixes wait for the next pass. Stops when a pass changes nothing, or after 10 passes.
import type { Finding } from '../types.js';
import { applyFixes, type FixSelection } from './apply.js';

export const MAX_FIX_PASSES = 10;

export interface FixLoopResult {
  output: string;
  /** Findings on the final text. */
  findings: Finding[];
  /** Number of fixes applied over all passes. */
  fixCount: number;
  passes: number;
  /** False when the lint of some pass was incomplete, in which case the text is left as it was. */
  fixed: boolean;
}

export type LintText = (text: string) => { findings: Finding[]; incomplete: boolean };

export function fixLoop(text: string, lint: LintText, selection: FixSelection, first?: { findings: Finding[]; incomplete: boolean }): FixLoopResult {
  let current = text;
  let result = first ?? lint(current);
  let fixCount = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    if (result.incomplete) return { output: text, findings: result.findings, fixCount: 0, passes, fixed: false };
    const { output, applied } = applyFixes(current, result.findings, selection);
    if (applied.length === 0 || output === current) break;
    passes++;
    fixCount += applied.length;
    current = output;
    result = lint(current);
  }
  if (result.incomplete) return { output: text, findings: result.findings, fixCount: 0, passes, fixed: false };
  return { output: current, findings: result.findings, fixCount, passes, fixed: true };
}
