// One finding as the JSON report writes it. Its shape is a public contract (the shared scorers read
// it), so fields are copied one by one: internal fields such as `excerpt` never leak into it.
import type { Finding } from '../types.js';

export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  record?: { index: number; line: number; id?: string };
  score?: number;
  fix?: { safety: 'safe' | 'unsafe'; remove: [number, number][] };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  const out: JsonFinding = {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  if (finding.record) {
    out.record = { index: finding.record.index, line: finding.record.line };
    if (finding.record.id !== undefined) out.record.id = finding.record.id;
  }
  if (finding.score !== undefined) out.score = finding.score;
  if (finding.fix) out.fix = { safety: finding.fix.safety, remove: finding.fix.remove.map(([s, e]) => [s, e]) };
  return out;
}
