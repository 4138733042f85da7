import type { Finding } from '../types.js';
import { isFixable } from '../fix/apply.js';

/** A file's (or record's) counts, as reporters and the JSON contract show them: fixable means a safe fix. */
export function countFindings(findings: readonly Finding[]): { errorCount: number; warningCount: number; fixableCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++;
    else warningCount++;
    if (isFixable(finding, { unsafe: false })) fixableCount++;
  }
  return { errorCount, warningCount, fixableCount };
}
