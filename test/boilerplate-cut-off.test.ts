// The shape tests behind keeping a record's cut-off last line: prose wording, and the next item
// of a numbered list.
import { describe, expect, it } from 'vitest';
import { isCutOffContinuation, readsAsProse } from '../src/rules/boilerplate/cut-off.js';
import type { Unit } from '../src/rules/boilerplate/units.js';

describe('readsAsProse', () => {
  it.each([
    'Overall, the key to punching a punching bag',
    'Overall, eradicating poverty requires a',
    'Remember, landing a knockout punch is not easy and',
    'Merkel became the first female Chancellor of Germany in 2005, and has been re-elected four times since then',
  ])('reads %j as prose', (line) => expect(readsAsProse(line)).toBe(true));

  it.each([
    'Tags: travel, food',
    'Home About Archive Careers Events',
    'home about archive careers events',
    // Function words, but as many names and Title Case words: a byline or a credit.
    'Posted in News and Events by the Editor',
    'Images by Getty Images and US Presswire',
    'Terms Of Use And Privacy',
  ])('does not read %j as prose', (line) => expect(readsAsProse(line)).toBe(false));
});

function lineUnit(text: string, line: string): Unit {
  const start = text.indexOf(line);
  return { kind: 'line', start, end: start + line.length, visible: line.replace(/^\d+[.)]\s*/, ''), words: line.split(/\s+/).length, linkDensity: 0, hadLinks: false, sentenceEnd: false, key: undefined };
}

describe('isCutOffContinuation', () => {
  const text = '7. Hold the position: keep still.\n8. Remove your weight: Once';
  const previous = lineUnit(text, '7. Hold the position: keep still.');

  it('keeps the next item of a numbered list, however short', () => {
    expect(isCutOffContinuation(text, lineUnit(text, '8. Remove your weight: Once'), previous)).toBe(true);
    expect(isCutOffContinuation('7. Hold on.\n8', lineUnit('7. Hold on.\n8', '8'), lineUnit('7. Hold on.\n8', '7. Hold on.'))).toBe(true);
  });

  it('does not keep an item numbered out of sequence, or a line with links', () => {
    const skipped = '7. Hold the position: keep still.\n9. Remove your weight: Once';
    expect(isCutOffContinuation(skipped, lineUnit(skipped, '9. Remove your weight: Once'), lineUnit(skipped, '7. Hold the position: keep still.'))).toBe(false);
    const linked = { ...lineUnit(text, '8. Remove your weight: Once'), hadLinks: true };
    expect(isCutOffContinuation(text, linked, previous)).toBe(false);
  });
});
