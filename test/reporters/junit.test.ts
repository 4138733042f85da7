import { describe, expect, it } from 'vitest';
import { junit } from '../../src/reporters/junit.js';
import { contextFor, fileResult, finding, sampleResults } from './fixtures.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#\d+|#x[0-9a-fA-F]+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    if (!(name in ENTITIES)) throw new Error(`unknown entity ${whole}`);
    return ENTITIES[name];
  });
}

/** A strict little XML 1.0 reader for what the formatter writes: it throws on anything malformed. */
function parseXml(xml: string): Element {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) throw new Error('character not allowed in XML 1.0');
  if (/&(?!(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/.test(xml)) throw new Error('bare ampersand');
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const root: Element = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, rawAttributes, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (stack.length === 1 && text.trim() !== '') throw new Error('text outside the root');
      top.text += decode(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of rawAttributes.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (key in attributes) throw new Error(`duplicate attribute ${key}`);
      attributes[key] = decode(value);
    }
    const element: Element = { name, attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (consumed !== body.length) throw new Error(`unparsable XML at ${JSON.stringify(body.slice(consumed, consumed + 40))}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced document');
  return root.children[0];
}

describe('junit formatter', () => {
  it('writes a well-formed testsuite per file and a testcase per finding', () => {
    const results = sampleResults();
    const doc = parseXml(junit(results, contextFor(results)));
    expect(doc.name).toBe('testsuites');
    expect(doc.attributes).toMatchObject({ name: 'corpuslint', tests: '6', failures: '5' });
    expect(doc.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['docs/page one.md', '3', '3'],
      ['data/set.jsonl', '2', '2'],
      ['clean.txt', '1', '0'],
    ]);
    const first = doc.children[0].children[0];
    expect(first.attributes).toMatchObject({ name: 'test-injection 2:3', classname: 'docs/page one.md', line: '2' });
    expect(first.children[0].name).toBe('failure');
    expect(first.children[0].attributes).toEqual({ message: 'Instruction-like span "Ignore previous".', type: 'error' });
    expect(first.children[0].text).toBe('line 2, column 3: error - Instruction-like span "Ignore previous". (test-injection)');
    expect(doc.children[1].children[0].children[0].text).toContain('record rec-7');
    expect(doc.children[2].children[0].children).toEqual([]);
  });

  it('escapes markup and the control characters XML 1.0 forbids', () => {
    const nasty = 'a <b> & "c" \'d\' \u0000\u0007\u001b]]> \ud800 tab\tline\r\nend';
    const results = [fileResult('x<&>.md', [finding({ ruleId: 'test-injection', message: nasty })])];
    const xml = junit(results, contextFor(results));
    const doc = parseXml(xml);
    const testcase = doc.children[0].children[0];
    expect(doc.children[0].attributes.name).toBe('x<&>.md');
    expect(testcase.children[0].attributes.message).toBe('a <b> & "c" \'d\' \\u0000\\u0007\\u001b]]> \\ud800 tab\tline\r\nend');
    expect(testcase.children[0].text).toContain('\\u0007');
    expect(xml).not.toContain(']]>');
  });

  it('the reader rejects malformed XML, so the test above can fail', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow();
    expect(() => parseXml('<a>\u0007</a>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow();
  });
});
