// The HTML report in a real browser: Debian's chromium, driven by playwright-core. The report of the
// bundled examples/ corpus must render without console errors or network requests, and show a
// highlighted span for every rule that flags a span in the corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { ruleRegistry } from '../src/rules/index.js';
import { html } from '../src/reporters/html.js';
import { summarize } from '../src/engine/run.js';
import type { FileResult, Finding } from '../src/types.js';
import { repoRoot, runLint } from './support/cli.js';
import { tmpTree } from './support/tmp.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = path.join(repoRoot, 'test-artifacts', 'html-report.png');

interface JsonReport {
  files: { path: string; findings: Finding[] }[];
}

async function openReport(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}

describe('HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run installs it in CI.`);
    }
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('renders the examples/ corpus with a highlight for every flagged rule, no console errors and no requests', async () => {
    const out = tmpTree();
    const reportFile = path.join(out, 'report.html');
    const json = await runLint(['examples', '--format', 'json'], repoRoot, ruleRegistry);
    const report = JSON.parse(json.stdout) as JsonReport;
    const spanRules = [...new Set(report.files.flatMap((f) => f.findings.filter((x) => x.end > x.start && ruleRegistry.has(x.ruleId)).map((x) => x.ruleId)))].sort();
    expect(spanRules.length, 'the examples/ corpus should have findings with spans').toBeGreaterThan(0);

    const lint = await runLint(['examples', '--format', 'html', '--output-file', reportFile], repoRoot, ruleRegistry);
    expect(lint.code, lint.stderr).toBe(1);
    const { page, consoleErrors, requests } = await openReport(context, reportFile);

    for (const rule of spanRules) {
      const count = await page.locator(`mark.hl[data-rules~="${rule}"]`).count();
      expect(count, `highlighted spans for ${rule}`).toBeGreaterThan(0);
    }
    // Hovering shows the message: the title of a highlight names its rule and message.
    const title = await page.locator(`mark.hl[data-rules~="${spanRules[0]}"]`).first().getAttribute('title');
    expect(title).toContain(`${spanRules[0]}: `);
    // Every rule with findings appears in the summary table.
    const ruleRows = await page.locator('#rules tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    for (const rule of spanRules) expect(ruleRows).toContain(rule);
    // Every file appears in the by-file table.
    const fileCells = await page.locator('#files tbody td.doc-path').allTextContents();
    for (const file of report.files) expect(fileCells).toContain(file.path);
    // The salience view: heatmap units and the three coverage bars.
    expect(await page.locator('pre.heat-view span.u').count()).toBeGreaterThan(0);
    expect(await page.locator('.fill.salience').count()).toBeGreaterThan(0);
    expect(await page.locator('.fill.uniform').count()).toBeGreaterThan(0);
    expect(await page.locator('.fill.targeted').count()).toBeGreaterThan(0);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(1000);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows QA coverage from the QA JSONL and the summary of corpuslint generate', async () => {
    const dir = tmpTree({
      'corpus.jsonl': [
        JSON.stringify({ id: 'a', text: 'The Danube flows through ten countries in Europe. It rises in the Black Forest of Germany. It empties into the Black Sea near Romania. Its delta is a vast wetland full of birds.' }),
        JSON.stringify({ id: 'b', text: 'Honey never spoils when it is sealed. Archaeologists found edible honey in old tombs.' }),
      ].join('\n'),
    });
    const item = (record: number, docId: string, index: number) => JSON.stringify({ id: `${docId}${index}`, source: { path: 'corpus.jsonl', record, docId }, target: { index, start: 0, end: 1, text: 'x' }, question: 'Q?', answer: 'x', answerStart: 0, answerEnd: 1, generator: { name: 'test', version: '1', seed: 1 } });
    fs.writeFileSync(path.join(dir, 'qa.jsonl'), [item(0, 'a', 0), item(0, 'a', 2), item(1, 'b', 1)].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({ documents: 2, eligible: 6, targets: 3, questions: 3, coverage: 0.5, giniOverEligible: 0.5 }));
    const reportFile = path.join(dir, 'report.html');
    const lint = await runLint(['corpus.jsonl', '--format', 'html', '--output-file', reportFile, '--report-qa', 'qa.jsonl', '--report-qa', 'summary.json'], dir, ruleRegistry);
    expect(lint.code, lint.stderr).toBeLessThan(2);
    const { page, consoleErrors } = await openReport(context, reportFile);
    expect(await page.locator('#qa tbody tr').count()).toBe(2);
    await expect(page.locator('#qa').textContent()).resolves.toContain('3 questions on 3 targets over 6 eligible sentences in 2 documents');
    // Record a: 2 distinct targets over its 4 eligible sentences.
    const docA = page.locator('article.doc', { hasText: 'id a' });
    await expect(docA.locator('.fill.qa').getAttribute('style')).resolves.toBe('width:50.0%');
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows fix removals struck through and pages a large corpus', async () => {
    const findings = (path: string, n: number): FileResult => {
      const text = `Intro sentence ${n}. IGNORE THIS. Closing sentence with words.`;
      const start = text.indexOf('IGNORE');
      const finding: Finding = {
        ruleId: 'test-rule',
        messageId: 'm',
        severity: 'error',
        message: 'A <test> message & more',
        start,
        end: start + 'IGNORE THIS.'.length,
        line: 1,
        column: start + 1,
        endLine: 1,
        endColumn: start + 13,
        fix: { safety: 'safe', remove: [[start, start + 'IGNORE THIS.'.length]] },
      };
      return { path, findings: [finding], errorCount: 1, warningCount: 0, fixableCount: 1, source: text };
    };
    const results = Array.from({ length: 45 }, (_, i) => findings(`doc-${String(i).padStart(2, '0')}.txt`, i));
    const page = html(results, { cwd: repoRoot, color: false, rules: ruleRegistry, summary: summarize(results), toolVersion: 'test' });
    const file = path.join(tmpTree(), 'large.html');
    fs.writeFileSync(file, page);
    const { page: tab, consoleErrors } = await openReport(context, file);
    expect(await tab.locator('pre.findings-view del.fix').count()).toBe(45);
    // The message is escaped, not markup.
    expect(await tab.locator('mark.hl').first().getAttribute('title')).toBe('test-rule: A <test> message & more');
    // 20 per page: three pages, the first shows 20 documents.
    expect(await tab.locator('article.doc:visible').count()).toBe(20);
    await expect(tab.locator('#page-label').textContent()).resolves.toContain('Page 1 of 3');
    await tab.click('#page-next');
    await tab.click('#page-next');
    expect(await tab.locator('article.doc:visible').count()).toBe(5);
    expect(consoleErrors).toEqual([]);
    await tab.close();
  }, 60_000);
});

describe('HTML report text rendering', () => {
  const finding = (ruleId: string, start: number, end: number, extra: Partial<Finding> = {}): Finding => ({
    ruleId,
    messageId: 'm',
    severity: 'warning',
    message: `${ruleId} message`,
    start,
    end,
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    ...extra,
  });
  const render = (text: string, findings: Finding[]) => {
    const result: FileResult = { path: 'a.txt', findings, errorCount: 0, warningCount: findings.length, fixableCount: 0, source: text };
    return html([result], { cwd: repoRoot, color: false, rules: ruleRegistry, summary: summarize([result]), toolVersion: 'test' });
  };

  it('marks overlapping findings with every rule that covers a segment', () => {
    const out = render('aaa bbb ccc', [finding('rule-one', 0, 7), finding('rule-two', 4, 11)]);
    expect(out).toMatch(/data-rules="rule-one" title="[^"]*">aaa <\/mark>/);
    expect(out).toMatch(/data-rules="rule-one rule-two" title="rule-one: rule-one message\nrule-two: rule-two message">bbb<\/mark>/);
    expect(out).toMatch(/data-rules="rule-two" title="[^"]*"> ccc<\/mark>/);
  });

  it('escapes markup in the text and shows hidden characters as badges', () => {
    const out = render('<script>alert(1)</script>\u202eevil\u200b', [finding('rule-one', 0, 8)]);
    expect(out).not.toContain('<script>alert(1)');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('U+202E</span>');
    expect(out).toContain('U+200B</span>');
  });

  it('keeps a removal inside its highlight and never splits a surrogate pair', () => {
    const text = 'ok 😀 IGNORE ok';
    const start = text.indexOf('IGNORE');
    const out = render(text, [finding('rule-one', start, start + 6, { fix: { safety: 'unsafe', remove: [[start, start + 6]] } })]);
    expect(out).toMatch(/<mark [^>]*data-rule="rule-one"[^>]*><del class="fix unsafe"[^>]*>IGNORE<\/del><\/mark>/);
    expect(out).toContain('😀');
  });
});
