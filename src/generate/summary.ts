// The run summary: what was eligible, what was asked, how evenly, and what was dropped and why.
import { coverage, gini } from './targets.js';

export interface GenerateSummary {
  documents: number;
  documentsSkipped: { count: number; reasons: Record<string, number> };
  sanitized: boolean;
  /** n: eligible sentences over all generated documents. */
  eligible: number;
  targets: number;
  /** k: questions written. */
  questions: number;
  /** Share of eligible sentences with at least one question. */
  coverage: number;
  /** Gini of questions per eligible sentence (unchosen sentences count as 0). */
  giniOverEligible: number;
  /** Gini of questions per chosen target. */
  giniOverTargets: number;
  duplicatesDropped: { exact: number; near: number };
  rejected: { count: number; reasons: Record<string, number> };
  ineligibleUnits: Record<string, number>;
  generator: { name: string; version: string; seed: number; model?: string };
  llm?: { calls: number; cacheHits: number; retries: number; failures: number };
}

export class SummaryBuilder {
  private readonly perEligible: number[] = [];
  private readonly perTarget: number[] = [];
  documents = 0;
  readonly skipped: Record<string, number> = {};
  readonly rejected: Record<string, number> = {};
  readonly ineligible: Record<string, number> = {};
  readonly duplicates = { exact: 0, near: 0 };

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  reject(reason: string): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
  }

  addIneligible(counts: Partial<Record<string, number>>): void {
    for (const [reason, count] of Object.entries(counts)) this.ineligible[reason] = (this.ineligible[reason] ?? 0) + (count ?? 0);
  }

  /** Records one document: questions per eligible sentence, and which sentences were targets. */
  addDocument(questionsPerSentence: readonly number[], targetIndices: readonly number[]): void {
    this.perEligible.push(...questionsPerSentence);
    for (const i of targetIndices) this.perTarget.push(questionsPerSentence[i]);
  }

  build(info: { sanitized: boolean; generator: GenerateSummary['generator']; llm?: GenerateSummary['llm'] }): GenerateSummary {
    const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
    const summary: GenerateSummary = {
      documents: this.documents,
      documentsSkipped: { count: sum(this.skipped), reasons: { ...this.skipped } },
      sanitized: info.sanitized,
      eligible: this.perEligible.length,
      targets: this.perTarget.length,
      questions: this.perEligible.reduce((a, b) => a + b, 0),
      coverage: coverage(this.perEligible),
      giniOverEligible: gini(this.perEligible),
      giniOverTargets: gini(this.perTarget),
      duplicatesDropped: { ...this.duplicates },
      rejected: { count: sum(this.rejected), reasons: { ...this.rejected } },
      ineligibleUnits: { ...this.ineligible },
      generator: info.generator,
    };
    if (info.llm) summary.llm = info.llm;
    return summary;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatSummary(s: GenerateSummary): string {
  const reasons = (r: Record<string, number>) =>
    Object.keys(r).length === 0 ? '' : ` (${Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ')})`;
  const lines = [
    `corpuslint generate: ${s.questions} questions from ${s.targets} targets over ${s.eligible} eligible sentences in ${s.documents} documents${s.sanitized ? '' : ' (NOT sanitized: --no-sanitize)'}`,
    `  coverage ${pct(s.coverage)}, Gini over eligible sentences ${s.giniOverEligible.toFixed(3)}, over targets ${s.giniOverTargets.toFixed(3)}`,
    `  duplicates dropped: ${s.duplicatesDropped.exact} exact, ${s.duplicatesDropped.near} near`,
    `  rejected: ${s.rejected.count}${reasons(s.rejected.reasons)}`,
    `  documents skipped: ${s.documentsSkipped.count}${reasons(s.documentsSkipped.reasons)}`,
  ];
  if (s.llm) lines.push(`  llm: ${s.llm.calls} calls, ${s.llm.cacheHits} cache hits, ${s.llm.retries} retries, ${s.llm.failures} failures`);
  return `${lines.join('\n')}\n`;
}
