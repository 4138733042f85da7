// What the HTML report needs beyond the findings: the text of each document it shows in full, the
// format and salience settings to analyse it with, and an optional QA coverage summary. JSONL
// record texts are not kept by the run, so they are read again here, one record at a time, keeping
// only the records the report will show.
import path from 'node:path';
import fs from 'node:fs';
import type { LoadedConfig } from '../../config/load.js';
import { resolveConfig } from '../../config/load.js';
import { formatOf } from '../../inputs/formats.js';
import { readDocuments } from '../../inputs/read-documents.js';
import { salienceOptions, type SalienceOptions } from '../../salience/index.js';
import type { DocumentFormat, FileResult, RuleModule } from '../../types.js';
import type { ReportContext } from '../types.js';
import { readQaFiles, type QaCoverage } from './qa.js';

/** Documents shown with their full text; the rest are listed with their findings only. */
export const DEFAULT_MAX_DOCUMENTS = 200;

export interface RecordText {
  index: number;
  line: number;
  id?: string;
  text: string;
}

export interface HtmlFileData {
  format: DocumentFormat;
  /** Kept record texts of a JSONL file, by record index. */
  records?: Map<number, RecordText>;
  salience: SalienceOptions;
}

export interface HtmlData {
  files: Map<string, HtmlFileData>;
  qa?: QaCoverage;
  maxDocuments: number;
}

/** The report context the HTML formatter reads; the extra data is optional, so the plain context works too. */
export interface HtmlReportContext extends ReportContext {
  html?: HtmlData;
}

export interface HtmlDataOptions {
  cwd: string;
  loaded: LoadedConfig;
  registry: ReadonlyMap<string, RuleModule>;
  /** What `corpuslint generate` wrote: its QA output (JSONL) and/or its summary (JSON). */
  qaFiles?: readonly string[];
  maxDocuments?: number;
}

const SALIENCE_RULE = 'salience-skew';

function documentsWithFindings(result: FileResult): Set<number> {
  const indices = new Set<number>();
  for (const finding of result.findings) if (finding.record) indices.add(finding.record.index);
  return indices;
}

export async function prepareHtmlData(results: readonly FileResult[], options: HtmlDataOptions): Promise<HtmlData> {
  const maxDocuments = options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const files = new Map<string, HtmlFileData>();
  // Documents with findings get the text budget first; clean ones fill what is left.
  let findingDocuments = 0;
  for (const r of results) findingDocuments += r.records !== undefined ? documentsWithFindings(r).size : r.findings.length > 0 ? 1 : 0;
  let budgetFlagged = Math.min(findingDocuments, maxDocuments);
  let budgetClean = maxDocuments - budgetFlagged;
  for (const result of results) {
    const absolute = path.resolve(options.cwd, result.path);
    const effective = resolveConfig(options.loaded, absolute, options.registry);
    const salience = salienceOptions(effective.rules[SALIENCE_RULE]?.options);
    const kind = formatOf(result.path);
    if (result.records === undefined) {
      files.set(result.path, { format: kind && kind.kind !== 'jsonl' ? kind.kind : 'text', salience });
      if (result.findings.length > 0) budgetFlagged--;
      else budgetClean--;
      continue;
    }
    const data: HtmlFileData = { format: effective.jsonl.format, records: new Map(), salience };
    files.set(result.path, data);
    if (!fs.existsSync(absolute) || (budgetFlagged <= 0 && budgetClean <= 0)) continue;
    const flagged = documentsWithFindings(result);
    for await (const event of readDocuments({ path: result.path, absolute, kind: 'jsonl', gzip: kind?.gzip ?? false }, effective.jsonl)) {
      if (event.type !== 'document' || !event.document.record) continue;
      const { record, text } = event.document;
      const hasFindings = flagged.has(record.index);
      if (hasFindings ? budgetFlagged <= 0 : budgetClean <= 0) continue;
      if (hasFindings) budgetFlagged--;
      else budgetClean--;
      data.records!.set(record.index, { index: record.index, line: record.line, ...(record.id !== undefined ? { id: record.id } : {}), text });
      if (budgetFlagged <= 0 && budgetClean <= 0) break;
    }
  }
  const qa = options.qaFiles && options.qaFiles.length > 0 ? readQaFiles(options.qaFiles.map((f) => path.resolve(options.cwd, f))) : undefined;
  return { files, maxDocuments, ...(qa ? { qa } : {}) };
}
