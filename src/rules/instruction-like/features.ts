// Features of one clause unit in the context of its document. The names are the contract with the
// trained model: the weights in data/instruction-model.json are stored by name, so adding a
// feature here needs a retrain (scripts/train-instruction.mjs), and removing one is harmless.
import { CASED_CUES, CUES, FIRST_PERSON_QUESTION, GENERATION_VERBS, PAY_ATTENTION, REQUEST_LEAD, TOOL_VERBS } from './lexicons.js';
import { FLAG, mayHavePronounI, type DocumentContext, type FlagBit } from './context.js';
import type { Unit } from './units.js';
import { guardBits, scanGuards, type GuardBits, type GuardHits, type GuardName } from './guards.js';
import { isImperativeVerb, leadingVerb } from './mood.js';
import { wordCounts } from './scan.js';
import { maskQuotes, quotedShare } from './quotes.js';
import { matches } from './match.js';
import { bound, up, upSigned, type SeedFloor } from './floor.js';

const count = (re: RegExp, text: string, cap = 20): number => {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
};

const test = (re: RegExp, text: string): number => (matches(re, text) ? 1 : 0);

/** Cues that have a guard in guards.ts: their pattern runs only when the guard's scan hit. */
type GuardedCue = GuardName & keyof typeof CUES;
/** The cues read as 0/1 features, in a fixed order: each is tested once per clause, if its guard occurs. */
const CUE_NAMES = [
  'actAs',
  'addressModel',
  'apology',
  'asAnAI',
  'audience',
  'avoidConstraint',
  'bangs',
  'cannot',
  'careWord',
  'caseConstraint',
  'codeNoun',
  'codeVerb',
  'condone',
  'extraction',
  'followingCode',
  'followingInstruction',
  'formatWord',
  'fromNowOn',
  'instructionWord',
  'itIsImportant',
  'jailbreak',
  'language',
  'lengthConstraint',
  'makeSure',
  'metaInstructions',
  'money',
  'moralJudgement',
  'mustContain',
  'noteToModel',
  'override',
  'please',
  'promoVerb',
  'quotedId',
  'reportingFrame',
  'requestToMe',
  'respondIn',
  'startEndConstraint',
  'theOutput',
  'transformOutput',
  'urgencyWord',
  'url',
  'vocative',
  'wrapConstraint',
  'youAreNow',
  'yourCode',
  'yourOutput',
] as const satisfies readonly (GuardedCue & FeatureName)[];
type CueName = (typeof CUE_NAMES)[number];
const Q = Object.fromEntries(CUE_NAMES.map((name, i) => [name, i])) as Record<CueName, number>;
const CUE_PATTERNS = CUE_NAMES.map((name) => CUES[name]);
const CUE_CASED = CUE_NAMES.map((name): RegExp | undefined => CASED_CUES[name]);
const CUE_LOW = Int32Array.from(CUE_NAMES, (name) => guardBits(name).low);
const CUE_HIGH = Int32Array.from(CUE_NAMES, (name) => guardBits(name).high);

const SECOND_PERSON = guardBits('secondPerson');
const HARM_WORD = guardBits('harmWord');
const TOOL_VERB = guardBits('toolVerb');
const FIRST_PERSON_WORD = guardBits('firstPersonWord');
const MY_RESOURCE = guardBits('myResource');

/** Every cue's 0/1 value for a clause; a cue whose guard did not occur is 0 without running its pattern. */
function cueValues(t: string, hits: GuardHits): Uint8Array {
  // One array for every clause: the values are copied into the features before the next clause.
  const values = CUE_VALUES.fill(0);
  for (let k = 0; k < values.length; k++) {
    if ((hits.low & CUE_LOW[k]) === 0 && (hits.high & CUE_HIGH[k]) === 0) continue;
    const cased = CUE_CASED[k];
    values[k] = test(CUE_PATTERNS[k], t) || (cased ? test(cased, t) : 0);
  }
  return values;
}
const CUE_VALUES = new Uint8Array(CUE_NAMES.length);

/**
 * "my account", "my files": the writer's own data, which a tool request acts on. A Title Case
 * "My Account" inside a clause is the name of a link or menu in an email or a web page, not a
 * possession, so it does not count there (at the start of a clause it may be either).
 */
const MY_RESOURCE_ALL = new RegExp(CUES.myResource.source, 'gi');

function ownResource(t: string): number {
  MY_RESOURCE_ALL.lastIndex = 0;
  for (let m = MY_RESOURCE_ALL.exec(t); m; m = MY_RESOURCE_ALL.exec(t)) {
    const label = /^My\s+[A-Z]/.test(m[0]) && t.slice(0, m.index).trim() !== '';
    if (!label) return 1;
  }
  return 0;
}

export { leadingVerb, isImperative, isImperativeVerb } from './mood.js';
export { wordCounts } from './scan.js';
export type { SeedFloor } from './floor.js';

/**
 * The least share of a question's content words that no other clause of the document uses for it to
 * count as a task out of place (DocumentContext.documentNovelty). Injected questions in the dev set
 * sit at 0.92 or more in nine cases of ten (59 of 62 at 0.7 or more); questions in markup-dev's
 * articles, on the article's own subject, have a median of 0.5 (14 of 72 at 0.7 or more). With the
 * gate, 11.5% of the 52 article texts first held out were flagged instead of 17.3%, and every
 * leave-one-source-out family kept or raised its recall.
 */
const QUESTION_DOCUMENT_NOVELTY = 0.7;

/**
 * The most questions a document may hold for one of them to count as a task out of place: an
 * interview or an FAQ asks many, and a pasted-in task is one (118 of the dev set's 120 task_conflict
 * records have no other question).
 */
const MAX_DOCUMENT_QUESTIONS = 3;

export const FEATURE_NAMES = [
  'secondPerson', 'secondPersonStart', 'addressModel', 'noteToModel', 'yourOutput', 'yourCode', 'theOutput',
  'metaInstructions', 'instructionWord', 'override', 'extraction', 'followingInstruction',
  'imperative', 'please', 'requestToMe', 'question', 'questionStart',
  'lengthConstraint', 'caseConstraint', 'wrapConstraint', 'startEndConstraint', 'avoidConstraint', 'transformOutput',
  'respondIn', 'formatWord', 'language',
  'apology', 'cannot', 'asAnAI', 'condone', 'moralJudgement', 'itIsImportant', 'harmWords', 'careWord',
  'urgencyWord', 'bangs', 'capsRatio',
  'toolVerbs', 'toolVerbStart', 'myResource', 'money', 'emailAddress', 'toolName', 'quotedId',
  'codeNoun', 'codeVerb', 'followingCode', 'codeFollows',
  'youAreNow', 'actAs', 'jailbreak', 'fromNowOn',
  'promoVerb', 'url', 'audience',
  'listItem', 'backtick', 'firstPerson', 'logWords', 'short',
  'novelty', 'styleBreak', 'secondPersonContrast', 'questionContrast', 'imperativeContrast', 'firstPersonContrast',
  'listContext', 'noveltyExcess', 'mustContain', 'makeSure',
  'anyConstraint', 'anyAssistant', 'assistantContrast',
  'harmContrast', 'toolContrast', 'lineContrast',
  'quoteCover', 'cueQuoted', 'vocative', 'dialogueContext', 'reportingFrame', 'dialogueTag', 'thirdPersonStart', 'anyOverride', 'anyPersona', 'anyTool',
  'imperativeYourOutput', 'imperativeNovel', 'questionNovel', 'assistantNovel', 'toolRequest',
  'generationTask', 'faqQuestion', 'novelQuestion', 'directed',
  'docImperative', 'docCode', 'heading',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Float64Array;

const INDEX = new Map<string, number>(FEATURE_NAMES.map((name, i) => [name, i]));
export const featureIndex = (name: FeatureName): number => INDEX.get(name)!;
/** Feature positions by name, read as properties in the hot path. */
const F = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;
/** Each cue is also the feature of the same name: its value's slot in the feature vector. */
const CUE_SLOTS = Int32Array.from(CUE_NAMES, (name) => F[name]);


/**
 * The features of one clause. With a `floor`, returns null when the clause could not start a span
 * whatever its context: the caller scores it later, in full, only if a flagged neighbour asks.
 */
export function unitFeatures(
  text: string, units: readonly Unit[], index: number, context: DocumentContext, verbs: ReadonlySet<string>, floor?: SeedFloor,
): FeatureVector | null {
  const unit = units[index];
  const raw = text.slice(unit.start, unit.end);
  const quoted = quotedShare(raw);
  // An instruction inside quotation marks within a declarative frame is mentioned, not given:
  // the cues read the clause with its quotations blanked out.
  const t = quoted.share > 0 && quoted.share < 0.85 ? maskQuotes(raw) : raw;
  // Filled in place and copied out only if the clause passes the seed floor: a new Float64Array of
  // this size allocates its own buffer outside the heap, which cost more than a clause's cue tests.
  const x = SCRATCH.fill(0);
  const hits = t === raw ? context.guardHits(index) : scanGuards(t);
  const c = cueValues(t, hits);
  for (let k = 0; k < CUE_SLOTS.length; k++) x[CUE_SLOTS[k]] = c[k];
  const tally = (bits: GuardBits, re: RegExp): number => (hits.hasBits(bits) ? count(re, t) : 0);

  const you = tally(SECOND_PERSON, CUES.secondPerson);
  const leading = t === raw || unit.continues ? context.leading(index) : leadingVerb(t);
  const imperative = isImperativeVerb(leading, verbs) ? 1 : 0;
  const question = t.includes('?') ? test(CUES.question, t) : 0;
  const firstPerson = hits.hasBits(FIRST_PERSON_WORD) || mayHavePronounI(t) ? count(CUES.firstPerson, t) : 0;
  x[F.secondPerson] = Math.log1p(you);
  x[F.secondPersonStart] = /^(?:you|your)\b/i.test(t) ? 1 : 0;
  const yourOutput = c[Q.yourOutput];
  x[F.imperative] = imperative;
  x[F.question] = question;
  x[F.questionStart] = test(CUES.questionStart, t);
  const assistant = Math.max(c[Q.apology], c[Q.cannot], c[Q.asAnAI], c[Q.condone]);
  const moral = c[Q.moralJudgement];
  const important = c[Q.itIsImportant];
  const harm = tally(HARM_WORD, CUES.harmWord);
  x[F.harmWords] = Math.log1p(harm);
  const { words, caps } = t === raw ? wordCounts(text, unit.start, unit.end) : wordCounts(t);
  x[F.capsRatio] = words > 0 ? Math.min(1, caps / words) : 0;
  const tools = tally(TOOL_VERB, CUES.toolVerb);
  x[F.toolVerbs] = Math.log1p(tools);
  const toolStart = TOOL_VERBS.has(leading) && !(leading === 'pay' && test(PAY_ATTENTION, t)) ? 1 : 0;
  x[F.toolVerbStart] = toolStart;
  const myResource = hits.hasBits(MY_RESOURCE) ? ownResource(t) : 0;
  x[F.myResource] = myResource;
  const email = t.includes('@') ? test(CUES.emailAddress, t) : 0;
  x[F.emailAddress] = email;
  x[F.toolName] = test(CUES.toolName, t);
  x[F.codeFollows] = units[index + 1]?.code ? 1 : 0;
  x[F.listItem] = test(CUES.listItem, t);
  const backtick = t.includes('`') ? 1 : 0;
  x[F.backtick] = backtick;
  x[F.firstPerson] = Math.log1p(firstPerson);
  x[F.logWords] = Math.log1p(words) / 5;
  x[F.short] = words <= 5 ? 1 : 0;
  const shape = context.documentShape();
  x[F.docImperative] = shape.imperativeRate;
  x[F.docCode] = shape.codeShare;
  x[F.heading] = context.isHeading(index) ? 1 : 0;

  const mustContain = c[Q.mustContain];
  const makeSure = c[Q.makeSure];
  x[F.anyConstraint] = Math.max(
    c[Q.lengthConstraint], c[Q.caseConstraint], c[Q.wrapConstraint], c[Q.startEndConstraint],
    c[Q.avoidConstraint], c[Q.transformOutput], c[Q.respondIn], yourOutput,
  );
  const anyAssistant = Math.max(assistant, moral, important);
  x[F.anyAssistant] = anyAssistant;
  x[F.quoteCover] = quoted.share;
  x[F.cueQuoted] = quoted.cue;
  x[F.dialogueTag] = /["“‘”’]/.test(raw) ? test(CUES.dialogueTag, raw) : 0;
  x[F.thirdPersonStart] = test(CUES.thirdPersonStart, t);
  x[F.anyOverride] = Math.max(c[Q.override], c[Q.metaInstructions], c[Q.extraction], c[Q.followingInstruction]);
  x[F.anyPersona] = Math.max(c[Q.youAreNow], c[Q.actAs], c[Q.jailbreak], c[Q.fromNowOn]);
  x[F.anyTool] = Math.max(toolStart, myResource) * Math.max(imperative, c[Q.please], c[Q.requestToMe]);
  x[F.imperativeYourOutput] = imperative * Math.max(yourOutput, c[Q.theOutput]);
  const toolRequest = Math.max(toolStart, imperative * (tools > 0 ? 1 : 0)) * Math.max(myResource, email, c[Q.money]);
  x[F.toolRequest] = toolRequest;

  // The clause's own flags as its neighbours' contrasts read them (on the clause with its quotations
  // in place: all of them when nothing was masked, else only the dialogue tag, read on `raw`).
  if (t === raw) {
    const on =
      (backtick ? FLAG.backtick : 0) | (you > 0 ? FLAG.secondPerson : 0) | (question ? FLAG.question : 0) | (x[F.listItem] ? FLAG.list : 0) |
      (firstPerson > 0 ? FLAG.firstPerson : 0) | (imperative ? FLAG.imperative : 0) | (anyAssistant ? FLAG.assistant : 0) |
      (x[F.dialogueTag] ? FLAG.dialogue : 0) | (harm > 0 ? FLAG.harm : 0) | (tools > 0 ? FLAG.tool : 0);
    context.knowFlags(index, OWN_FLAGS, on);
  } else {
    context.knowFlags(index, FLAG.dialogue, x[F.dialogueTag] ? FLAG.dialogue : 0);
  }

  // Whether the clause is aimed at the model that reads the document rather than at a person:
  // it speaks to the model (a vocative or a note to it: an article that merely mentions AI does not),
  // refers to its instructions or its answer, constrains the output, changes its persona, speaks in
  // its voice, asks for tool actions on "my" data, or hands it a task of its own (a request or a
  // generation task, or a question out of place among statements). The detector lets only such
  // clauses seed a span unless their score is very high.
  const generationTask = imperative && GENERATION_VERBS.has(leading) ? 1 : 0;
  x[F.generationTask] = generationTask;
  const faq = question && test(FIRST_PERSON_QUESTION, t) ? 1 : 0;
  const requestLead = c[Q.requestToMe] ? test(REQUEST_LEAD, t) : 0;
  x[F.faqQuestion] = faq;
  const directedHere =
    x[F.vocative] || x[F.noteToModel] || yourOutput || x[F.yourCode] ||
    x[F.theOutput] || x[F.anyOverride] || x[F.anyPersona] || assistant || toolRequest ||
    moral || (important && (harm || x[F.careWord])) ||
    (!question && tools && (myResource || email || x[F.quotedId])) || (x[F.please] && toolStart) ||
    x[F.anyTool] || requestLead || mustContain || makeSure * you ||
    x[F.lengthConstraint] || x[F.caseConstraint] || x[F.wrapConstraint] ||
    x[F.startEndConstraint] || x[F.avoidConstraint] || x[F.respondIn] ||
    imperative * (x[F.transformOutput] || (x[F.codeVerb] && x[F.codeNoun]) || x[F.followingCode]) ||
    generationTask;

  // The context features below cost the most (flags and profiles of the neighbouring clauses). A
  // clause that could not start a span even if every one of them took its most favourable value
  // skips them; so does one that could not with its neighbours' cheap flags known, or with the
  // novelty of its words known too.
  if (floor) {
    const logit =
      bound(floor, x) + up(floor, F.novelty, 1) + up(floor, F.styleBreak, 1) + up(floor, F.listContext, 1) + upSigned(floor, F.noveltyExcess, 1) +
      up(floor, F.dialogueContext, 1) + up(floor, F.lineContrast, 1) + up(floor, F.secondPersonContrast, 1) + up(floor, F.questionContrast, 1) +
      // The neighbourhood profile reads the clause with its quotations in place: its flags decide these.
      up(floor, F.firstPersonContrast, raw === t ? firstPerson : test(CUES.firstPerson, raw)) +
      up(floor, F.imperativeContrast, raw === t ? imperative : isImperativeVerb(context.leading(index), verbs)) +
      up(floor, F.harmContrast, raw === t ? harm : test(CUES.harmWord, raw)) + up(floor, F.toolContrast, raw === t ? tools : test(CUES.toolVerb, raw)) +
      up(floor, F.assistantContrast, anyAssistant) +
      up(floor, F.imperativeNovel, imperative) + up(floor, F.questionNovel, question) + up(floor, F.assistantNovel, anyAssistant) +
      up(floor, F.novelQuestion, question) + up(floor, F.directed, directedHere || question);
    if (logit < (directedHere || question ? floor.directedLogit : floor.undirectedLogit)) return null;
  }

  // Context: how much this clause departs from the rest of its document.
  const around = context.window(index);
  const shows = (flag: FlagBit) => context.flag(index, flag);
  const contrast = (flag: FlagBit) => (shows(flag) ? 1 - around.rate(flag) : 0);
  x[F.styleBreak] = shows(FLAG.backtick) ? 0 : around.rate(FLAG.backtick);
  x[F.questionContrast] = contrast(FLAG.question);
  x[F.imperativeContrast] = contrast(FLAG.imperative);
  x[F.lineContrast] = contrast(FLAG.isolated);
  // A writer's own question ("How can I…") belongs in an FAQ or a forum post, next to its answer:
  // it counts as out of place only when no other question is near and its words appear nowhere around it.
  const mayAsk = question && words >= 4 && around.others >= 2 && (faq ? around.rate(FLAG.question) === 0 : around.rate(FLAG.question) < 0.34);
  const showsFirstPerson = shows(FLAG.firstPerson);
  const showsHarm = shows(FLAG.harm);
  const showsTool = shows(FLAG.tool);
  if (floor) {
    const logit =
      bound(floor, x) + up(floor, F.novelty, 1) + upSigned(floor, F.noveltyExcess, 1) + up(floor, F.imperativeNovel, imperative) +
      up(floor, F.questionNovel, question) + up(floor, F.assistantNovel, anyAssistant) + up(floor, F.novelQuestion, mayAsk) +
      up(floor, F.directed, directedHere || mayAsk) + contextBound(floor, showsFirstPerson, showsHarm, showsTool, anyAssistant);
    if (logit < (directedHere || mayAsk ? floor.directedLogit : floor.undirectedLogit)) return null;
  }

  const { novelty, noveltyExcess } = context.novelty(index, around);
  x[F.novelty] = novelty;
  x[F.noveltyExcess] = noveltyExcess;
  x[F.imperativeNovel] = imperative * novelty;
  x[F.questionNovel] = question * novelty;
  x[F.assistantNovel] = anyAssistant * novelty;
  const novelQuestion =
    mayAsk && (faq ? novelty >= 0.75 : novelty >= 0.5) && context.documentNovelty(index) >= QUESTION_DOCUMENT_NOVELTY &&
    context.questionCount() <= MAX_DOCUMENT_QUESTIONS ? 1 : 0;
  x[F.novelQuestion] = novelQuestion;
  const directed = directedHere || novelQuestion ? 1 : 0;
  x[F.directed] = directed;
  if (floor) {
    const logit = bound(floor, x) + contextBound(floor, showsFirstPerson, showsHarm, showsTool, anyAssistant);
    if (logit < (directed ? floor.directedLogit : floor.undirectedLogit)) return null;
  }

  x[F.secondPersonContrast] = contrast(FLAG.secondPerson);
  x[F.firstPersonContrast] = showsFirstPerson ? 1 - around.rate(FLAG.firstPerson) : 0;
  x[F.listContext] = around.rate(FLAG.list);
  x[F.harmContrast] = showsHarm ? 1 - around.rate(FLAG.harm) : 0;
  x[F.toolContrast] = showsTool ? 1 - around.rate(FLAG.tool) : 0;
  x[F.assistantContrast] = anyAssistant ? 1 - around.rate(FLAG.assistant) : 0;
  x[F.dialogueContext] = around.rate(FLAG.dialogue);
  return copyOut(x);
}

/** The most that the contrasts read from the neighbours' guarded flags, and the list and dialogue rates, add to the logit. */
function contextBound(floor: SeedFloor, firstPerson: boolean, harm: boolean, tool: boolean, assistant: number): number {
  return up(floor, F.firstPersonContrast, firstPerson) + up(floor, F.harmContrast, harm) + up(floor, F.toolContrast, tool) +
    up(floor, F.secondPersonContrast, 1) + up(floor, F.assistantContrast, assistant) + up(floor, F.listContext, 1) + up(floor, F.dialogueContext, 1);
}

/** Every flag but `isolated` (a property of the line, not of the clause's words). */
const OWN_FLAGS =
  FLAG.backtick | FLAG.secondPerson | FLAG.question | FLAG.list | FLAG.firstPerson | FLAG.imperative | FLAG.assistant | FLAG.dialogue | FLAG.harm | FLAG.tool;

const SCRATCH = new Float64Array(FEATURE_NAMES.length);
/** Feature vectors are views into shared buffers of SLAB_VECTORS vectors each. */
const SLAB_VECTORS = 64;
let slab = new ArrayBuffer(0);
let slabOffset = 0;

function copyOut(x: Float64Array): FeatureVector {
  const bytes = x.length * Float64Array.BYTES_PER_ELEMENT;
  if (slabOffset + bytes > slab.byteLength) {
    slab = new ArrayBuffer(bytes * SLAB_VECTORS);
    slabOffset = 0;
  }
  const copy = new Float64Array(slab, slabOffset, x.length);
  slabOffset += bytes;
  copy.set(x);
  return copy;
}
