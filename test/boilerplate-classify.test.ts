// classify keeps its verdicts and reasons in typed arrays and settles each unit in one pass forward
// after one backward; these properties compare it with the reading it replaced, an object per unit
// and stage, kept here as the oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAD, classify, GOOD, NEAR, reasonOf, SHORT, type ClassifyOptions, type Reason } from '../src/rules/boilerplate/classify.js';
import { CONSENT_BANNER_MAX_WORDS, furnitureKind, isConsentBanner, mayHaveWording } from '../src/rules/boilerplate/phrases.js';
import type { Unit, UnitKind } from '../src/rules/boilerplate/units.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

// ---- The oracle: classify as it was written before the typed arrays. ----

type Verdict = 'good' | 'near' | 'short' | 'bad';
interface Judged {
  unit: Unit;
  verdict: Verdict;
  reason?: Reason;
}

function judgeAlone(unit: Unit, options: ClassifyOptions): Judged {
  if (unit.kind === 'code') return { unit, verdict: 'good' };
  if (unit.words === 0) return { unit, verdict: 'bad', reason: unit.hadLinks ? 'link-farm' : 'residue' };
  if (unit.insideLink) return { unit, verdict: 'bad', reason: 'link-farm' };
  if (unit.hadLinks && unit.linkDensity > 0.5) return unit.kind === 'heading' ? { unit, verdict: 'short', reason: 'link-farm' } : { unit, verdict: 'bad', reason: 'link-farm' };
  const worded = unit.words > 12 || mayHaveWording(unit.visible);
  if (worded && unit.words <= CONSENT_BANNER_MAX_WORDS && unit.kind !== 'heading' && isConsentBanner(unit.visible)) return { unit, verdict: 'bad', reason: 'cookie' };
  if (worded && unit.words <= 12) {
    const kind = furnitureKind(unit.visible);
    if (kind) return { unit, verdict: 'bad', reason: kind };
  }
  const linky = unit.linkDensity > options.maxLinkDensity;
  const goodAlone = !linky && unit.words >= options.minContentWords && (unit.sentenceEnd || unit.words >= 2 * options.minContentWords);
  if ((!goodAlone || unit.words <= 20) && options.isRecurring(unit)) return { unit, verdict: 'bad', reason: 'recurring' };
  if (goodAlone) return { unit, verdict: 'good' };
  if (!linky && unit.words >= Math.ceil(options.minContentWords / 2) && unit.sentenceEnd) return { unit, verdict: 'near' };
  if (unit.kind === 'table' && !linky) return { unit, verdict: 'near' };
  return { unit, verdict: 'short', reason: 'short-lines' };
}

function nearestVerdicts(judged: Judged[], step: 1 | -1, ignoreNear: boolean): Verdict[] {
  const result: Verdict[] = new Array(judged.length);
  let last: Verdict = 'bad';
  for (let k = 0; k < judged.length; k++) {
    const i = step === 1 ? k : judged.length - 1 - k;
    result[i] = last;
    if (judged[i].unit.words === 0 && !judged[i].unit.fenced) continue;
    const v = judged[i].verdict;
    if (v === 'good' || v === 'bad' || (v === 'near' && !ignoreNear)) last = v;
  }
  return result;
}

function isHeadingLike(j: Judged): boolean {
  return (j.unit.kind === 'heading' && j.unit.words <= 20) || (j.verdict === 'short' && j.unit.words <= 20 && !j.unit.hadLinks);
}

function menuRuns(judged: Judged[]): boolean[] {
  const inMenu = judged.map(() => false);
  let i = 0;
  while (i < judged.length) {
    let j = i;
    while (j < judged.length && judged[j].unit.kind === 'line' && judged[j].unit.words > 0 && judged[j].unit.words <= 3 && !judged[j].unit.sentenceEnd) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) inMenu[k] = true;
    i = Math.max(j, i + 1);
  }
  return inMenu;
}

function oracleClassify(units: Unit[], options: ClassifyOptions): Judged[] {
  const judged = units.map((unit) => judgeAlone(unit, options));
  const inMenu = menuRuns(judged);
  const promoted = new Set<number>();
  for (let i = 0; i < judged.length; i++) {
    const j = judged[i];
    if (inMenu[i]) continue;
    if (j.verdict === 'bad' && j.reason !== 'recurring') continue;
    if (!isHeadingLike(j) || j.verdict === 'good') continue;
    const linked = j.unit.linkDensity > 0.5;
    let distance = 0;
    let looked = 0;
    for (let k = i + 1; k < judged.length && looked < 5 && distance <= 200; k++) {
      if (judged[k].unit.words === 0 && !judged[k].unit.fenced) continue;
      looked++;
      const v = judged[k].verdict;
      if (v === 'good') {
        promoted.add(i);
        break;
      }
      if (linked || (v === 'bad' && judged[k].reason !== 'link-farm' && judged[k].reason !== 'share')) break;
      distance += judged[k].unit.visible.length;
    }
  }
  for (const i of promoted) judged[i] = { unit: judged[i].unit, verdict: 'good' };
  const prevDecided = nearestVerdicts(judged, 1, true);
  const nextDecided = nearestVerdicts(judged, -1, true);
  const prevAnyVerdict = nearestVerdicts(judged, 1, false);
  const nextAnyVerdict = nearestVerdicts(judged, -1, false);
  const settled = judged.map((j, i): Judged => {
    const prev = prevDecided[i];
    const next = nextDecided[i];
    if (j.verdict === 'short') {
      if (prev === 'good' && next === 'good') return { unit: j.unit, verdict: 'good' };
      if (prev === 'bad' && next === 'bad') return { unit: j.unit, verdict: 'bad', reason: j.reason ?? 'context' };
      const besideCode = judged[i - 1]?.unit.fenced === true || judged[i + 1]?.unit.fenced === true;
      return prevAnyVerdict[i] === 'near' || nextAnyVerdict[i] === 'near' || besideCode ? { unit: j.unit, verdict: 'good' } : { unit: j.unit, verdict: 'bad', reason: j.reason ?? 'context' };
    }
    if (j.verdict === 'near') return prev === 'bad' && next === 'bad' ? { unit: j.unit, verdict: 'bad', reason: 'context' } : { unit: j.unit, verdict: 'good' };
    return j;
  });
  // The last unit, cut off after content, goes with that content.
  const evidence = judged.flatMap((j, i) => (j.unit.words === 0 && !j.unit.fenced ? [] : [i]));
  const [before, last] = evidence.slice(-2);
  if (last !== undefined && judged[last].verdict === 'short' && settled[before].verdict === 'good' && options.isCutOff?.(judged[last].unit, judged[before].unit)) {
    settled[last] = { unit: judged[last].unit, verdict: 'good' };
  }
  return settled;
}

// ---- Units of every shape near the thresholds: menus, headings before content, code, link farms. ----

const VISIBLE = ['Home', 'News', 'Accept all cookies', 'We use cookies to improve your experience', 'Share on Facebook', 'Home › News › Local', '© 2024 Example', 'Read more', 'Installation', 'The river flooded the lower town twice this spring.', 'x', ''];

const unit: fc.Arbitrary<Unit> = fc
  .record({
    kind: fc.constantFrom<UnitKind>('line', 'line', 'line', 'paragraph', 'heading', 'code', 'table'),
    visible: fc.constantFrom(...VISIBLE),
    words: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 30 }), fc.constantFrom(12, 13, 20, 21, 24, 60, 61)),
    linkDensity: fc.constantFrom(0, 0, 0.2, 0.3, 0.31, 0.5, 0.51, 1),
    hadLinks: fc.boolean(),
    sentenceEnd: fc.boolean(),
    insideLink: fc.constantFrom(undefined, undefined, undefined, true),
    fenced: fc.boolean(),
    long: fc.boolean(),
  })
  .map(({ kind, visible, words, linkDensity, hadLinks, sentenceEnd, insideLink, fenced, long }) => {
    // Long visible texts reach the heading distance.
    const text = long ? visible.repeat(12) : visible;
    if (kind === 'code') return { kind, start: 0, end: 0, visible: '', words: 0, linkDensity: 0, hadLinks: false, sentenceEnd: false, key: undefined, fenced };
    return { kind, start: 0, end: 0, visible: text, words, linkDensity, hadLinks, sentenceEnd, key: undefined, ...(insideLink ? { insideLink } : {}) };
  });

const VERDICTS: Verdict[] = ['good', 'near', 'short', 'bad'];

describe('classify equals the reading with an object per unit', () => {
  it('verdicts and reasons, with and without recurring lines and at several options', () => {
    expect([GOOD, NEAR, SHORT, BAD].map((v) => VERDICTS[v])).toEqual(VERDICTS);
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), fc.constantFrom(4, 12, 13), fc.constantFrom(0.3, 0.6), fc.subarray(VISIBLE), fc.subarray(VISIBLE), (units, minContentWords, maxLinkDensity, recurring, cutOff) => {
        const options: ClassifyOptions = { minContentWords, maxLinkDensity, isRecurring: (u) => recurring.includes(u.visible), isCutOff: (u) => cutOff.includes(u.visible) };
        const expected = oracleClassify(units, options).map((j) => [j.verdict, j.reason]);
        const { verdicts, reasons } = classify(units, options);
        expect(units.map((_, i) => [VERDICTS[verdicts[i]], reasonOf(reasons[i])])).toEqual(expected);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
