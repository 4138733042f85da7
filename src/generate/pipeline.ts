// The generate run: read → sanitize → segment → eligible units → targets → drafts → grounding and
// dedupe checks → items. Drafts come from a DraftSource (built-in or LLM). Documents are handled
// in batches so an LLM source can issue a batch's requests concurrently (`prepare`) while items
// are still accepted strictly in input order, which keeps dedupe and output deterministic.
import crypto from 'node:crypto';
import type { RuleModule } from '../types.js';
import { resolveConfig, type LoadedConfig } from '../config/load.js';
import { activeRulesFor } from '../engine/run.js';
import { lintDocument, type ActiveRule } from '../engine/lint-document.js';
import { Document } from '../document/document.js';
import { runCorpusPasses, type CorpusStates } from '../engine/corpus.js';
import type { RunInput } from '../engine/run.js';
import { readDocuments } from '../inputs/read-documents.js';
import { segmentUnits } from '../document/sentences.js';
import { eligibleUnits, type EligibilityContext, type EligibilityOptions } from './eligibility.js';
import { chooseTargets, targetCount, type TargetBudget } from './targets.js';
import { sanitizeDocument } from './sanitize.js';
import { QuestionDeduper } from './dedupe.js';
import { SummaryBuilder, type GenerateSummary } from './summary.js';
import { BLANK, containsAnswer } from './templates.js';
import type { Draft, QAItem, Target } from './types.js';

export interface CleanDocument {
  path: string;
  record?: number;
  docId?: string;
  text: string;
}

export interface Rejection {
  rejected: string;
}

export interface DraftSource {
  readonly info: { name: string; version: string; model?: string };
  /** Drafts for one target, best first; a rejection explains a draft that could not be used. */
  drafts(document: CleanDocument, target: Target): AsyncIterable<Draft | Rejection> | Iterable<Draft | Rejection>;
  /** The same drafts, synchronously and offline, when the source can (the built-in generator). */
  offlineDrafts?(document: CleanDocument, target: Target): Iterable<Draft>;
  /** Starts the work for a batch of targets ahead of time (concurrent requests). */
  prepare?(batch: readonly { document: CleanDocument; targets: readonly Target[] }[]): Promise<void>;
  stats?(): GenerateSummary['llm'];
}

export interface GenerateRunOptions {
  registry: ReadonlyMap<string, RuleModule>;
  loaded: LoadedConfig;
  sanitize: boolean;
  allowFindings: boolean;
  eligibility: EligibilityOptions;
  budget: TargetBudget;
  seed: number;
  source: DraftSource;
  onItem(item: QAItem): void;
  onCleanDocument?(document: CleanDocument, input: RunInput): void;
  /** Called once per document with its number of eligible sentences and its targets. */
  onPlan?(document: CleanDocument, eligibleCount: number, targets: readonly Target[]): void;
  /**
   * Lint every accepted question and answer on its own with the document's active rules and skip
   * drafts they flag, so the output passes corpuslint itself (default: on when sanitizing).
   */
  guard?: boolean;
  /** Rules whose findings the guard ignores (default GUARD_IGNORED_RULES). */
  guardIgnoredRules?: ReadonlySet<string>;
  /** Targets per batch handed to `prepare`. */
  batchTargets?: number;
}

interface Planned {
  rules: readonly ActiveRule[];
  document: CleanDocument;
  eligibleCount: number;
  targets: Target[];
}

/**
 * Rules whose findings the output guard ignores. None by default: every rule of the config checks each
 * question and answer (boilerplate judges one- and two-line texts by furniture wording only, so a
 * question is not "furniture" for being short). Callers can add rules that judge page structure.
 */
export const GUARD_IGNORED_RULES: ReadonlySet<string> = new Set();

export function itemId(document: CleanDocument, targetIndex: number): string {
  return crypto.createHash('sha1').update(`${document.path}\u0000${document.record ?? ''}\u0000${targetIndex}`).digest('hex').slice(0, 16);
}

/** Segments a clean text and picks its targets. */
export function planTargets(text: string, options: Pick<GenerateRunOptions, 'eligibility' | 'budget' | 'seed'>, documentKey: string, context?: EligibilityContext) {
  const { eligible, excluded } = eligibleUnits(text, segmentUnits(text), options.eligibility, context);
  const chosen = chooseTargets(eligible.length, targetCount(eligible.length, options.budget), options.seed, documentKey);
  const targets: Target[] = chosen.map((index) => ({ index, start: eligible[index].start, end: eligible[index].end }));
  return { eligibleCount: eligible.length, targets, excluded };
}

function isRejection(value: Draft | Rejection): value is Rejection {
  return (value as Rejection).rejected !== undefined;
}

/** Why a draft cannot be used, checked for every source alike. */
export function draftProblem(text: string, target: Target, draft: Draft): string | undefined {
  if (!(draft.answerStart >= target.start && draft.answerEnd <= target.end && draft.answerEnd > draft.answerStart)) return 'answer-outside-target';
  if (draft.question.trim() === '') return 'empty-question';
  if (draft.kind === 'cloze') {
    if (draft.question.split(BLANK).length !== 2) return 'cloze-blanks';
    return undefined;
  }
  if (containsAnswer(draft.question, text.slice(draft.answerStart, draft.answerEnd))) return 'answer-in-question';
  return undefined;
}

export async function runGenerate(inputs: readonly RunInput[], options: GenerateRunOptions): Promise<GenerateSummary> {
  const summary = new SummaryBuilder();
  const deduper = new QuestionDeduper();
  const corpus: CorpusStates | undefined = options.sanitize ? await runCorpusPasses(inputs, { registry: options.registry, loaded: options.loaded }) : undefined;
  const info = options.source.info;
  const batchLimit = options.batchTargets ?? 256;
  let batch: Planned[] = [];
  let batchSize = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    await options.source.prepare?.(batch);
    for (const planned of batch) await generateFor(planned);
    batch = [];
    batchSize = 0;
  };

  const guarding = options.guard ?? options.sanitize;
  const seen = new QuestionDeduper();
  const verdicts = new WeakMap<readonly ActiveRule[], Map<string, boolean>>();
  const ignored = options.guardIgnoredRules ?? GUARD_IGNORED_RULES;
  const passes = (text: string, rules: readonly ActiveRule[]) => {
    let clean = verdicts.get(rules);
    if (!clean) verdicts.set(rules, (clean = new Map()));
    let verdict = clean.get(text);
    if (verdict === undefined) {
      verdict = lintDocument(new Document({ text, format: 'text', path: 'qa.txt' }), rules).findings.every((f) => ignored.has(f.ruleId));
      if (clean.size > 100_000) clean.clear();
      clean.set(text, verdict);
    }
    return verdict;
  };

  // Offline sources are judged by their drafts (what would be written); others by the sentence.
  const usable = (document: CleanDocument, rules: readonly ActiveRule[], start: number, end: number) => {
    const offline = options.source.offlineDrafts;
    if (!offline) return passes(document.text.slice(start, end), rules);
    for (const draft of offline(document, { index: -1, start, end })) {
      if (!draftProblem(document.text, { index: -1, start, end }, draft) && passes(draft.question, rules) && passes(document.text.slice(draft.answerStart, draft.answerEnd), rules)) return true;
    }
    return false;
  };

  const generateFor = async ({ rules, document, eligibleCount, targets }: Planned) => {
    const perSentence = new Array<number>(eligibleCount).fill(0);
    for (const target of targets) {
      for await (const draft of options.source.drafts(document, target)) {
        if (isRejection(draft)) {
          summary.reject(draft.rejected);
          continue;
        }
        const problem = draftProblem(document.text, target, draft);
        if (problem) {
          summary.reject(problem);
          continue;
        }
        const duplicate = deduper.check(draft.question);
        if (duplicate) {
          summary.duplicates[duplicate]++;
          continue;
        }
        if (guarding && !(passes(draft.question, rules) && passes(document.text.slice(draft.answerStart, draft.answerEnd), rules))) {
          summary.reject('sanitizer-findings');
          continue;
        }
        deduper.add(draft.question);
        perSentence[target.index]++;
        const item: QAItem = {
          id: itemId(document, target.index),
          source: { path: document.path, ...(document.record !== undefined ? { record: document.record } : {}), ...(document.docId !== undefined ? { docId: document.docId } : {}) },
          target: { index: target.index, start: target.start, end: target.end, text: document.text.slice(target.start, target.end) },
          question: draft.question,
          answer: document.text.slice(draft.answerStart, draft.answerEnd),
          answerStart: draft.answerStart,
          answerEnd: draft.answerEnd,
          generator: {
            name: info.name,
            version: info.version,
            seed: options.seed,
            ...(draft.promptVariant !== undefined ? { promptVariant: draft.promptVariant } : {}),
            ...(info.model !== undefined ? { model: info.model } : {}),
          },
        };
        if (!options.sanitize) item.unsanitized = true;
        options.onItem(item);
        break;
      }
    }
    summary.addDocument(perSentence, targets.map((t) => t.index));
  };

  for (const input of inputs) {
    const effective = resolveConfig(options.loaded, input.configPath, options.registry);
    const rules = activeRulesFor(effective, { registry: options.registry }, corpus);
    for await (const event of readDocuments(input, effective.jsonl)) {
      if (event.type === 'passthrough') continue;
      if (event.type === 'skipped') {
        summary.skip(event.finding.ruleId);
        continue;
      }
      const source = event.document;
      let text = source.text;
      if (options.sanitize) {
        const outcome = sanitizeDocument(source, { rules, lint: { limits: effective.limits, allowInlineConfig: effective.allowInlineConfig }, allowFindings: options.allowFindings });
        if (!outcome.ok) {
          summary.skip(outcome.reason);
          continue;
        }
        text = outcome.text;
      }
      summary.documents++;
      const document: CleanDocument = { path: source.path, text };
      if (source.record) document.record = source.record.index;
      if (source.record?.id !== undefined) document.docId = source.record.id;
      options.onCleanDocument?.(document, input);
      const plan = planTargets(text, options, `${document.path}\u0000${document.record ?? ''}`, {
        seen,
        ...(guarding ? { accept: (start: number, end: number) => usable(document, rules, start, end) } : {}),
      });
      summary.addIneligible(plan.excluded);
      options.onPlan?.(document, plan.eligibleCount, plan.targets);
      batch.push({ rules, document, eligibleCount: plan.eligibleCount, targets: plan.targets });
      batchSize += plan.targets.length;
      if (batchSize >= batchLimit) await flush();
    }
  }
  await flush();
  const stats = options.source.stats?.();
  return summary.build({ sanitized: options.sanitize, generator: { name: info.name, version: info.version, seed: options.seed, ...(info.model ? { model: info.model } : {}) }, ...(stats ? { llm: stats } : {}) });
}
