// `--format html`: one self-contained page for a person reviewing a corpus. Summary by rule and by
// file, then each document with its flagged spans coloured by rule and its fix removals struck
// through, its salience heatmap and expected-coverage bars, and QA coverage when a generate summary
// is given. Large corpora stay usable: full text for the first documents only, and paging.
import type { FileResult } from '../types.js';
import type { Formatter } from './types.js';
import { CONTENT_SECURITY_POLICY, PAGE_SIZE, RULE_COLOURS, script, styles } from './html/assets.js';
import { DEFAULT_MAX_DOCUMENTS, type HtmlReportContext } from './html/data.js';
import { bar, documentViews, MAX_DOCUMENTS_LISTED, qaFor, qaIndex, renderDocument } from './html/documents.js';
import { escapeHtml, HEAT_LEVELS } from './html/render-text.js';

interface RuleRow {
  id: string;
  errors: number;
  warnings: number;
  fixable: number;
  documents: Set<string>;
}

function ruleRows(results: readonly FileResult[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const result of results) {
    for (const f of result.findings) {
      let row = rows.get(f.ruleId);
      if (!row) rows.set(f.ruleId, (row = { id: f.ruleId, errors: 0, warnings: 0, fixable: 0, documents: new Set() }));
      if (f.severity === 'error') row.errors++;
      else row.warnings++;
      if (f.fix?.safety === 'safe') row.fixable++;
      row.documents.add(f.record ? `${result.path}#${f.record.index}` : result.path);
    }
  }
  return [...rows.values()].sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.id.localeCompare(b.id));
}

function rulesTable(rows: RuleRow[], context: HtmlReportContext, ruleClass: (id: string) => string): string {
  if (rows.length === 0) return '<p>No findings.</p>';
  const body = rows
    .map((row) => {
      const meta = context.rules.get(row.id)?.meta;
      const name = meta ? `<a href="${escapeHtml(meta.docsUrl)}" rel="noreferrer">${escapeHtml(row.id)}</a>` : escapeHtml(row.id);
      return `<tr data-rule="${escapeHtml(row.id)}"><td><span class="sw ${ruleClass(row.id)}"></span>${name}</td><td>${escapeHtml(meta?.description ?? 'Reported by corpuslint itself.')}</td><td class="n err">${row.errors}</td><td class="n warn">${row.warnings}</td><td class="n">${row.fixable}</td><td class="n">${row.documents.size}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>Rule</th><th>Description</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Fixable</th><th class="n">Documents</th></tr></thead><tbody>${body}</tbody></table>`;
}

function filesTable(results: readonly FileResult[]): string {
  if (results.length === 0) return '<p>No files were linted.</p>';
  const rows = results
    .map(
      (r) =>
        `<tr><td class="doc-path">${escapeHtml(r.path)}</td><td class="n">${r.records ?? ''}</td><td class="n err">${r.errorCount}</td><td class="n warn">${r.warningCount}</td><td class="n">${r.fixableCount}</td></tr>`,
    )
    .join('');
  const table = `<table><thead><tr><th>File</th><th class="n">Records</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Fixable</th></tr></thead><tbody>${rows}</tbody></table>`;
  // A long file list folds away so that the documents stay one click from the top.
  return results.length > 50 ? `<details><summary>${results.length} files</summary>${table}</details>` : table;
}

function qaSection(context: HtmlReportContext): string {
  const qa = context.html?.qa;
  if (!qa) return '';
  const documents = qa.documents.slice(0, MAX_DOCUMENTS_LISTED);
  const rows = documents
    .map((d) => {
      const where = d.record !== undefined ? `${d.path} · record ${d.record + 1}${d.docId !== undefined ? ` · id ${d.docId}` : ''}` : d.path;
      const coverage = d.coverage !== undefined ? `<div class="bars">${bar('coverage', d.coverage, 'qa')}</div>` : '<span class="legend">see the document below</span>';
      return `<tr><td class="doc-path">${escapeHtml(where)}</td><td class="n">${d.questions}</td><td class="n">${d.targets}</td><td class="n">${d.eligible ?? ''}</td><td>${coverage}</td></tr>`;
    })
    .join('');
  const more = qa.documents.length > documents.length ? `<p class="note">${qa.documents.length - documents.length} more documents not listed.</p>` : '';
  const run = qa.run
    ? `<div class="bars">${bar('run coverage', qa.run.coverage, 'qa')}</div><p class="legend">${qa.run.questions} questions on ${qa.run.targets} targets over ${qa.run.eligible} eligible sentences in ${qa.run.documents} documents${qa.run.giniOverEligible !== undefined ? ` · Gini over eligible sentences ${qa.run.giniOverEligible.toFixed(3)}` : ''}.</p>`
    : '';
  const table = documents.length === 0 ? '' : `<table><thead><tr><th>Document</th><th class="n">Questions</th><th class="n">Targets</th><th class="n">Eligible</th><th>Coverage</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<section id="qa"><h2>QA coverage</h2><p class="legend">From ${qa.files.map((f) => escapeHtml(f)).join(', ')}: the share of each document's eligible sentences that the generated questions target.</p>${run}${table}${more}</section>`;
}

export const html: Formatter = (results, baseContext) => {
  const context = baseContext as HtmlReportContext;
  const { summary } = context;
  const rows = ruleRows(results);
  const colourOf = new Map(rows.map((row, i) => [row.id, `r${i % RULE_COLOURS.length}`]));
  const ruleClass = (id: string) => colourOf.get(id) ?? 'r0';
  const views = documentViews(results, context.html);
  const listed = views.slice(0, MAX_DOCUMENTS_LISTED);
  const maxWithText = context.html?.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const qaByDocument = qaIndex(context.html);
  let withText = 0;
  const articles = listed.map((view, i) => {
    const showText = view.text !== undefined && withText < maxWithText;
    if (showText) withText++;
    return renderDocument(view, i + 1, { ruleClass, withText: showText, open: i < 5 && view.findings.length > 0, qa: qaFor(view, qaByDocument), data: context.html });
  });
  const options = rows.map((row) => `<option value="${escapeHtml(row.id)}">${escapeHtml(row.id)}</option>`).join('');
  const pager = `<div class="pager" id="pager" hidden><button type="button" id="page-prev">◀ Previous</button><span id="page-label"></span><button type="button" id="page-next">Next ▶</button><label>Rule <select id="rule-filter"><option value="">all rules</option>${options}</select></label></div>`;
  const notListed = views.length > listed.length ? `<p class="note">${views.length - listed.length} more documents are not listed; use --format json for all findings.</p>` : '';
  const totals = `<b>${summary.files}</b> files${summary.records > 0 ? ` · <b>${summary.records}</b> records` : ''} · <b class="err">${summary.errorCount}</b> errors · <b class="warn">${summary.warningCount}</b> warnings · <b>${summary.fixableCount}</b> fixable`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>corpuslint report</title>
<style>${styles(HEAT_LEVELS)}</style>
</head>
<body>
<header><h1>corpuslint report</h1><p class="totals">${totals}</p><p class="meta">corpuslint ${escapeHtml(context.toolVersion)}</p></header>
<nav><a href="#rules">By rule</a><a href="#files">By file</a>${context.html?.qa ? '<a href="#qa">QA coverage</a>' : ''}<a href="#documents">Documents</a></nav>
<main>
<section id="rules"><h2>Findings by rule</h2>${rulesTable(rows, context, ruleClass)}</section>
<section id="files"><h2>Findings by file</h2>${filesTable(results)}</section>
${qaSection(context)}
<section id="documents"><h2>Documents</h2>
<p class="legend">Flagged spans are coloured by rule (hover for the message); <del class="fix">struck-through</del> text is what <code>--fix</code> removes (dashed: only with <code>--unsafe-fixes</code>). Coverage bars: the expected share of sentences a question generator reaches when it follows salience, draws uniformly, or targets each sentence once.</p>
${pager}
${articles.join('\n')}
${notListed}
</section>
</main>
<script>${script(PAGE_SIZE)}</script>
</body>
</html>
`;
};
