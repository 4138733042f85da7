// The per-document part of the HTML report: which documents are shown, in what order, and each one's
// highlighted text, salience heatmap, coverage bars and findings list.
import { Document } from '../../document/document.js';
import { segmentUnits } from '../../document/sentences.js';
import { DEFAULT_ELIGIBILITY, eligibleUnits } from '../../generate/eligibility.js';
import { formatOf } from '../../inputs/formats.js';
import { analyseSalience, salienceOptions, type DocumentSalience } from '../../salience/index.js';
import type { DocumentFormat, FileResult, Finding } from '../../types.js';
import type { HtmlData } from './data.js';
import { qaKey, type QaDocumentCoverage } from './qa.js';
import { escapeHtml, highlightedText, safeCut, salienceHeatmap } from './render-text.js';

/** Longest text shown for one document; the rest is cut with a note. */
export const MAX_TEXT_LENGTH = 100_000;
/** Findings listed per document; the rest are counted. */
export const MAX_FINDINGS_LISTED = 200;
/** Documents listed at all (with or without text); beyond this, the JSON report has them. */
export const MAX_DOCUMENTS_LISTED = 5_000;

export interface DocumentView {
  path: string;
  record?: { index: number; line: number; id?: string };
  findings: Finding[];
  text?: string;
  format: DocumentFormat;
}

function documentsOf(result: FileResult, data: HtmlData | undefined): DocumentView[] {
  const fileData = data?.files.get(result.path);
  const kind = formatOf(result.path)?.kind;
  const format: DocumentFormat = fileData?.format ?? (kind && kind !== 'jsonl' ? kind : 'text');
  if (result.records === undefined) return [{ path: result.path, findings: result.findings, format, ...(result.source !== undefined ? { text: result.source } : {}) }];
  const views = new Map<number, DocumentView>();
  const fileLevel: Finding[] = [];
  for (const finding of result.findings) {
    if (!finding.record) {
      fileLevel.push(finding);
      continue;
    }
    let view = views.get(finding.record.index);
    if (!view) {
      const kept = fileData?.records?.get(finding.record.index);
      view = { path: result.path, record: finding.record, findings: [], format, ...(kept ? { text: kept.text } : {}) };
      views.set(finding.record.index, view);
    }
    view.findings.push(finding);
  }
  for (const kept of fileData?.records?.values() ?? []) {
    if (!views.has(kept.index)) views.set(kept.index, { path: result.path, record: { index: kept.index, line: kept.line, ...(kept.id !== undefined ? { id: kept.id } : {}) }, findings: [], format, text: kept.text });
  }
  const ordered = [...views.values()].sort((a, b) => a.record!.index - b.record!.index);
  return fileLevel.length > 0 ? [{ path: result.path, findings: fileLevel, format }, ...ordered] : ordered;
}

/** Documents with findings first (in file and record order), then clean ones. */
export function documentViews(results: readonly FileResult[], data: HtmlData | undefined): DocumentView[] {
  const all = results.flatMap((r) => documentsOf(r, data));
  return [...all.filter((d) => d.findings.length > 0), ...all.filter((d) => d.findings.length === 0)];
}

function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

export function bar(label: string, value: number, kind: string): string {
  const clamped = Math.max(0, Math.min(1, value));
  return `<span>${escapeHtml(label)}</span><span class="track" title="${escapeHtml(label)}: ${percent(value)}"><span class="fill ${kind}" style="width:${(clamped * 100).toFixed(1)}%"></span></span><span class="val">${percent(value)}</span>`;
}

function salienceOf(view: DocumentView, text: string, data: HtmlData | undefined): DocumentSalience | undefined {
  try {
    const options = data?.files.get(view.path)?.salience ?? salienceOptions(undefined);
    return analyseSalience(new Document({ text, format: view.format, path: view.path, ...(view.record ? { record: view.record } : {}) }), options);
  } catch {
    return undefined;
  }
}

function findingItem(f: Finding, ruleClass: (id: string) => string): string {
  const where = f.record ? `record ${f.record.index + 1}${f.record.id !== undefined ? ` (${f.record.id})` : ''}, col ${f.column}` : `${f.line}:${f.column}`;
  const fix = f.fix ? ` <span class="legend">[${f.fix.safety} fix]</span>` : '';
  return `<li><span class="sw ${ruleClass(f.ruleId)}"></span><span class="${f.severity === 'error' ? 'err' : 'warn'}">${f.severity}</span> <code>${escapeHtml(where)}</code> ${escapeHtml(f.message)} <code>${escapeHtml(f.ruleId)}</code>${fix}</li>`;
}

/**
 * QA JSONL has no per-document denominator: count the eligible sentences of the text as shown, the
 * way generate segments it (before sanitizing, so a cleaned document may have fewer).
 */
function qaWithEligible(qa: QaDocumentCoverage, text: string): QaDocumentCoverage {
  if (qa.coverage !== undefined) return qa;
  try {
    const eligible = eligibleUnits(text, segmentUnits(text), DEFAULT_ELIGIBILITY).eligible.length;
    return { ...qa, eligible, coverage: eligible > 0 ? Math.min(1, qa.targets / eligible) : 0, estimated: true };
  } catch {
    return qa;
  }
}

export function documentTitle(view: DocumentView): string {
  if (!view.record) return view.path;
  return `${view.path} · record ${view.record.index + 1} (line ${view.record.line})${view.record.id !== undefined ? ` · id ${view.record.id}` : ''}`;
}

export interface RenderDocumentOptions {
  ruleClass: (ruleId: string) => string;
  withText: boolean;
  open: boolean;
  qa?: QaDocumentCoverage;
  data?: HtmlData;
}

export function renderDocument(view: DocumentView, n: number, options: RenderDocumentOptions): string {
  const { ruleClass } = options;
  const rules = [...new Set(view.findings.map((f) => f.ruleId))];
  const errors = view.findings.filter((f) => f.severity === 'error').length;
  const warnings = view.findings.length - errors;
  const chips = rules.map((id) => `<span class="chip ${ruleClass(id)}">${escapeHtml(id)}</span>`).join('');
  const counts = view.findings.length === 0 ? '<span class="legend">clean</span>' : `<span class="err">${errors}</span> / <span class="warn">${warnings}</span>`;
  const parts: string[] = [];
  parts.push(`<article class="doc" id="doc-${n}" data-rules="${escapeHtml(rules.join(' '))}"><details${options.open ? ' open' : ''}>`);
  parts.push(`<summary><span class="doc-path">${escapeHtml(documentTitle(view))}</span> — ${counts}<span class="chips">${chips}</span></summary><div class="body">`);
  if (options.withText && view.text !== undefined) {
    const text = safeCut(view.text, MAX_TEXT_LENGTH);
    const salience = salienceOf(view, text, options.data);
    if (salience) {
      const c = salience.figures.coverage;
      parts.push(`<div class="bars" aria-label="expected coverage">${bar('salience', c.salience, 'salience')}${bar('uniform', c.uniform, 'uniform')}${bar('targeted', c.targeted, 'targeted')}`);
      const qa = options.qa && qaWithEligible(options.qa, text);
      if (qa?.coverage !== undefined) parts.push(bar('QA (generate)', qa.coverage, 'qa'));
      parts.push(`</div><p class="legend">${salience.figures.units} units · Gini ${salience.figures.gini.toFixed(2)} · low-content share ${percent(salience.figures.lowContentShare)}</p>`);
    }
    parts.push(`<pre class="text findings-view">${highlightedText(text, view.findings, ruleClass)}</pre>`);
    if (text.length < view.text.length) parts.push(`<p class="note">Text cut at ${MAX_TEXT_LENGTH} characters of ${view.text.length}.</p>`);
    if (salience && salience.units.length > 0) {
      parts.push(`<details class="heat"${options.open ? ' open' : ''}><summary>Salience heatmap (${salience.units.length} units; darker = where a free-running question generator looks more than uniform sampling would; darkest at 3×)</summary><pre class="text heat-view">${salienceHeatmap(text, salience.units)}</pre></details>`);
    }
  } else if (view.findings.length > 0 && view.findings.every((f) => f.end === f.start)) {
    parts.push('<p class="note">The document could not be read as text.</p>');
  } else if (view.findings.length > 0) {
    parts.push('<p class="note">Text not shown (the report shows the full text of the first documents only; see --format json for all).</p>');
  }
  if (options.qa) {
    const q = options.withText && view.text !== undefined ? qaWithEligible(options.qa, safeCut(view.text, MAX_TEXT_LENGTH)) : options.qa;
    parts.push(`<p class="legend">QA: ${q.questions} questions on ${q.targets} distinct sentences${q.eligible !== undefined ? ` of ${q.eligible} eligible${q.estimated ? ' (counted on the text shown, before sanitizing)' : ''}` : ''}${q.coverage !== undefined ? ` (coverage ${percent(q.coverage)})` : ''}.</p>`);
  }
  if (view.findings.length > 0) {
    const listed = view.findings.slice(0, MAX_FINDINGS_LISTED).map((f) => findingItem(f, ruleClass));
    parts.push(`<ol class="findings">${listed.join('')}</ol>`);
    if (view.findings.length > MAX_FINDINGS_LISTED) parts.push(`<p class="note">${view.findings.length - MAX_FINDINGS_LISTED} more findings not listed.</p>`);
  }
  parts.push('</div></details></article>');
  return parts.join('');
}

/** QA coverage by document key (path, or path#record index), and by path#id for records named by id. */
export function qaIndex(data: HtmlData | undefined): Map<string, QaDocumentCoverage> {
  const index = new Map<string, QaDocumentCoverage>();
  for (const d of data?.qa?.documents ?? []) {
    index.set(qaKey(d.path, d.record), d);
    if (d.docId !== undefined) index.set(`${d.path}#id:${d.docId}`, d);
  }
  return index;
}

export function qaFor(view: DocumentView, index: Map<string, QaDocumentCoverage>): QaDocumentCoverage | undefined {
  return index.get(qaKey(view.path, view.record?.index)) ?? (view.record?.id !== undefined ? index.get(`${view.path}#id:${view.record.id}`) : undefined);
}
