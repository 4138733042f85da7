// JUnit XML for CI systems that chart test results: one testsuite per file, one testcase per
// finding (a clean file gets one passing testcase so it still shows up).
import type { FileResult, Finding } from '../types.js';
import type { Formatter } from './types.js';

// Characters XML 1.0 cannot carry at all, not even as character references.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function escapeXmlText(text: string): string {
  // A raw CR would be folded into LF by the parser's line-end normalisation.
  return text.replace(NOT_XML, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttribute(text: string): string {
  // Attribute value normalisation would turn raw tabs and line breaks into spaces.
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeXmlAttribute(String(value))}"`)
    .join(' ');
}

function testcase(result: FileResult, finding: Finding): string {
  const where = finding.record ? `record ${finding.record.id ?? `#${finding.record.index}`}, line ${finding.line}, column ${finding.column}` : `line ${finding.line}, column ${finding.column}`;
  const name = `${finding.ruleId} ${finding.line}:${finding.column}`;
  const body = `${where}: ${finding.severity} - ${finding.message} (${finding.ruleId})`;
  return [
    `    <testcase ${attributes({ name, classname: result.path, file: result.path, line: finding.line })}>`,
    `      <failure ${attributes({ message: finding.message, type: finding.severity })}>${escapeXmlText(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function testsuite(result: FileResult): string {
  const failures = result.findings.length;
  const head = `  <testsuite ${attributes({ name: result.path, tests: Math.max(failures, 1), failures, errors: 0, skipped: 0 })}>`;
  const cases = failures > 0 ? result.findings.map((f) => testcase(result, f)) : [`    <testcase ${attributes({ name: result.path, classname: result.path, file: result.path })}/>`];
  return [head, ...cases, '  </testsuite>'].join('\n');
}

export const junit: Formatter = (results) => {
  const tests = results.reduce((n, r) => n + Math.max(r.findings.length, 1), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites ${attributes({ name: 'corpuslint', tests, failures, errors: 0 })}>`,
    ...results.map(testsuite),
    '</testsuites>',
    '',
  ].join('\n');
};
