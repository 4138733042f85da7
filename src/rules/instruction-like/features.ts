// Features of one clause unit in the context of its document. The names are the contract with the
// trained model: the weights in data/instruction-model.json are stored by name, so adding a
// feature here needs a retrain (scripts/train-instruction.mjs), and removing one is harmless.
import { CUES, IMPERATIVE_OPENERS, NOT_IMPERATIVE, STOPWORDS, TOOL_VERBS } from './lexicons.js';
import type { Unit } from './units.js';

/**
 * One combined test that every cue family trips: a clause without any of these is clean for
 * every feature the scorer weighs positively, so it skips feature extraction entirely.
 */
export const PREFILTER =
  /\b(?:you|your|yourself|I|me|my|please|kindly|ignore|disregard|forget|instructions?|prompts?|sorry|cannot|can't|AI|model|assistant|important|appropriate|ethical|response|reply|answer|output|IMPORTANT|pretend|act|role|DAN|send|transfer|email|delete|download|share|pay|withdraw|code|snippet|translate|words|letters|sentences|paragraphs|commas|crucial|essential|never|acceptable|illegal|harm\w{0,4}|violen\w{1,4}|respect\w{0,4}|help|support|should)\b|[?!$@€£]|```/i;

export interface DocumentContext {
  /** Lower-cased content words of each prose unit. */
  unitWords: Map<number, string[]>;
  /** How many prose units use each content word. */
  wordUnits: Map<string, number>;
  proseUnits: number;
  backtickUnits: number;
  secondPersonUnits: number;
  questionUnits: number;
  imperativeUnits: number;
  listUnits: number;
  firstPersonUnits: number;
  /** Sum over prose units of their novelty, for the document's baseline. */
  noveltySum: number;
  assistantUnits: number;
  dialogueUnits: number;
  harmUnits: number;
  toolUnits: number;
  /** Units alone on their line, by unit index. */
  isolated: Set<number>;
}

/** Any assistant-voice cue: the register of an LLM answer. */
const ASSISTANT_VOICE = new RegExp(
  [CUES.apology, CUES.cannot, CUES.asAnAI, CUES.condone, CUES.moralJudgement, CUES.itIsImportant].map((re) => re.source).join('|'), 'i',
);

const count = (re: RegExp, text: string, cap = 20): number => {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
};

const test = (re: RegExp, text: string): number => {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit ? 1 : 0;
};

function contentWords(text: string): string[] {
  const words: string[] = [];
  CUES.word.lastIndex = 0;
  for (let m = CUES.word.exec(text); m; m = CUES.word.exec(text)) {
    const w = m[0].toLowerCase();
    if (w.length >= 4 && !STOPWORDS.has(w)) words.push(w.length > 5 ? w.slice(0, 6) : w);
  }
  return words;
}

/** The first word that could carry the mood of the clause, after list markers and openers. */
export function leadingVerb(text: string): string {
  const words = /^[\s\d.)*•+#>'"“‘([{-]{0,8}([A-Za-z'’]{1,30})[\s,:!]{0,4}([A-Za-z'’]{0,30})[\s,:!]{0,4}([A-Za-z'’]{0,30})/.exec(text);
  if (!words) return '';
  for (let i = 1; i <= 3; i++) {
    const w = (words[i] ?? '').toLowerCase().replace('’', "'");
    if (!w) return '';
    if (!IMPERATIVE_OPENERS.has(w)) return w;
  }
  return '';
}

export function isImperative(text: string, verbs: ReadonlySet<string>): boolean {
  const verb = leadingVerb(text);
  return verb !== '' && verbs.has(verb) && !NOT_IMPERATIVE.has(verb);
}

export function buildContext(text: string, units: readonly Unit[], verbs: ReadonlySet<string>): DocumentContext {
  const context: DocumentContext = {
    unitWords: new Map(), wordUnits: new Map(), proseUnits: 0, backtickUnits: 0, secondPersonUnits: 0,
    questionUnits: 0, imperativeUnits: 0, listUnits: 0, firstPersonUnits: 0, noveltySum: 0, assistantUnits: 0, dialogueUnits: 0, harmUnits: 0, toolUnits: 0, isolated: new Set(),
  };
  units.forEach((unit, index) => {
    if (unit.code) return;
    const t = text.slice(unit.start, unit.end);
    context.proseUnits++;
    context.backtickUnits += test(CUES.backtick, t);
    context.secondPersonUnits += test(CUES.secondPerson, t);
    context.questionUnits += test(CUES.question, t);
    context.listUnits += test(CUES.listItem, t);
    context.firstPersonUnits += test(CUES.firstPerson, t);
    if (isImperative(t, verbs)) context.imperativeUnits++;
    context.assistantUnits += test(ASSISTANT_VOICE, t);
    context.dialogueUnits += test(CUES.dialogueTag, t);
    context.harmUnits += test(CUES.harmWord, t);
    context.toolUnits += test(CUES.toolVerb, t);
    if (aloneOnLine(text, unit)) context.isolated.add(index);
    const words = contentWords(t);
    context.unitWords.set(index, words);
    for (const w of new Set(words)) context.wordUnits.set(w, (context.wordUnits.get(w) ?? 0) + 1);
  });
  if (context.proseUnits > 1) for (const words of context.unitWords.values()) context.noveltySum += noveltyOf(words, context);
  return context;
}

function aloneOnLine(text: string, unit: Unit): boolean {
  let before = unit.start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = unit.end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
  return (before < 0 || text[before] === '\n') && (after >= text.length || text[after] === '\n');
}

/** Share of a unit's content words that no other unit of the document uses. */
function noveltyOf(words: readonly string[], context: DocumentContext): number {
  if (words.length === 0 || context.proseUnits < 2) return 0;
  let shared = 0;
  for (const w of words) if ((context.wordUnits.get(w) ?? 0) > 1) shared++;
  return 1 - shared / words.length;
}

const MENTIONABLE = [CUES.override, CUES.metaInstructions, CUES.extraction, CUES.jailbreak, CUES.youAreNow, CUES.actAs, CUES.apology, CUES.cannot];

/** How much of a clause sits inside quotation marks, and whether an instruction cue is among it. */
function quotedShare(t: string): { share: number; cue: number } {
  let inside = 0;
  let cue = 0;
  CUES.quoted.lastIndex = 0;
  for (let m = CUES.quoted.exec(t); m; m = CUES.quoted.exec(t)) {
    inside += m[0].length;
    if (!cue && MENTIONABLE.some((re) => test(re, m[0]))) cue = 1;
  }
  CUES.quoted.lastIndex = 0;
  return { share: t.length > 0 ? inside / t.length : 0, cue };
}

function maskQuotes(t: string): string {
  CUES.quoted.lastIndex = 0;
  const masked = t.replace(CUES.quoted, (m) => ' '.repeat(m.length));
  CUES.quoted.lastIndex = 0;
  return masked;
}

/** Share of other prose units showing a property, with the unit itself taken out. */
function otherRate(total: number, self: number, units: number): number {
  return units > 1 ? (total - self) / (units - 1) : 0;
}

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
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Float64Array;

const INDEX = new Map<string, number>(FEATURE_NAMES.map((name, i) => [name, i]));
export const featureIndex = (name: FeatureName): number => INDEX.get(name)!;

export function unitFeatures(
  text: string, units: readonly Unit[], index: number, context: DocumentContext, verbs: ReadonlySet<string>,
): FeatureVector {
  const unit = units[index];
  const raw = text.slice(unit.start, unit.end);
  const quoted = quotedShare(raw);
  // An instruction inside quotation marks within a declarative frame is mentioned, not given:
  // the cues read the clause with its quotations blanked out.
  const t = quoted.share > 0 && quoted.share < 0.85 ? maskQuotes(raw) : raw;
  const x = new Float64Array(FEATURE_NAMES.length);
  const set = (name: FeatureName, value: number) => { x[INDEX.get(name)!] = value; };

  const you = count(CUES.secondPerson, t);
  const imperative = isImperative(t, verbs) ? 1 : 0;
  const question = test(CUES.question, t);
  const firstPerson = count(CUES.firstPerson, t);
  set('secondPerson', Math.log1p(you));
  set('secondPersonStart', /^(?:you|your)\b/i.test(t) ? 1 : 0);
  set('addressModel', test(CUES.addressModel, t));
  set('noteToModel', test(CUES.noteToModel, t));
  const yourOutput = test(CUES.yourOutput, t);
  set('yourOutput', yourOutput);
  set('yourCode', test(CUES.yourCode, t));
  set('theOutput', test(CUES.theOutput, t));
  set('metaInstructions', test(CUES.metaInstructions, t));
  set('instructionWord', test(CUES.instructionWord, t));
  set('override', test(CUES.override, t));
  set('extraction', test(CUES.extraction, t));
  set('followingInstruction', test(CUES.followingInstruction, t));
  set('imperative', imperative);
  set('please', test(CUES.please, t));
  set('requestToMe', test(CUES.requestToMe, t));
  set('question', question);
  set('questionStart', test(CUES.questionStart, t));
  set('lengthConstraint', test(CUES.lengthConstraint, t));
  set('caseConstraint', test(CUES.caseConstraint, t));
  set('wrapConstraint', test(CUES.wrapConstraint, t));
  set('startEndConstraint', test(CUES.startEndConstraint, t));
  set('avoidConstraint', test(CUES.avoidConstraint, t));
  set('transformOutput', test(CUES.transformOutput, t));
  set('respondIn', test(CUES.respondIn, t));
  set('formatWord', test(CUES.formatWord, t));
  set('language', test(CUES.language, t));
  const assistant = Math.max(test(CUES.apology, t), test(CUES.cannot, t), test(CUES.asAnAI, t), test(CUES.condone, t));
  set('apology', test(CUES.apology, t));
  set('cannot', test(CUES.cannot, t));
  set('asAnAI', test(CUES.asAnAI, t));
  set('condone', test(CUES.condone, t));
  const moral = test(CUES.moralJudgement, t);
  const important = test(CUES.itIsImportant, t);
  set('moralJudgement', moral);
  set('itIsImportant', important);
  const harm = count(CUES.harmWord, t);
  set('harmWords', Math.log1p(harm));
  set('careWord', test(CUES.careWord, t));
  set('urgencyWord', test(CUES.urgencyWord, t));
  set('bangs', test(CUES.bangs, t));
  const words = count(CUES.word, t, 400);
  set('capsRatio', words > 0 ? Math.min(1, count(CUES.capsWord, t, 400) / words) : 0);
  const tools = count(CUES.toolVerb, t);
  set('toolVerbs', Math.log1p(tools));
  const leading = leadingVerb(t);
  const toolStart = TOOL_VERBS.has(leading) ? 1 : 0;
  set('toolVerbStart', toolStart);
  const myResource = test(CUES.myResource, t);
  set('myResource', myResource);
  set('money', test(CUES.money, t));
  set('emailAddress', test(CUES.emailAddress, t));
  set('toolName', test(CUES.toolName, t));
  set('quotedId', test(CUES.quotedId, t));
  set('codeNoun', test(CUES.codeNoun, t));
  set('codeVerb', test(CUES.codeVerb, t));
  set('followingCode', test(CUES.followingCode, t));
  set('codeFollows', units[index + 1]?.code ? 1 : 0);
  set('youAreNow', test(CUES.youAreNow, t));
  set('actAs', test(CUES.actAs, t));
  set('jailbreak', test(CUES.jailbreak, t));
  set('fromNowOn', test(CUES.fromNowOn, t));
  set('promoVerb', test(CUES.promoVerb, t));
  set('url', test(CUES.url, t));
  set('audience', test(CUES.audience, t));
  set('listItem', test(CUES.listItem, t));
  const backtick = test(CUES.backtick, t);
  set('backtick', backtick);
  set('firstPerson', Math.log1p(firstPerson));
  set('logWords', Math.log1p(words) / 5);
  set('short', words <= 5 ? 1 : 0);

  // Context: how much this clause departs from the rest of its document.
  const others = context.proseUnits - 1;
  const novelty = noveltyOf(context.unitWords.get(index) ?? [], context);
  set('novelty', novelty);
  const backtickRate = otherRate(context.backtickUnits, backtick, context.proseUnits);
  set('styleBreak', backtick ? 0 : backtickRate);
  const youRate = otherRate(context.secondPersonUnits, you > 0 ? 1 : 0, context.proseUnits);
  set('secondPersonContrast', you > 0 ? 1 - youRate : 0);
  const questionRate = otherRate(context.questionUnits, question, context.proseUnits);
  set('questionContrast', question ? 1 - questionRate : 0);
  const imperativeRate = otherRate(context.imperativeUnits, imperative, context.proseUnits);
  set('imperativeContrast', imperative ? 1 - imperativeRate : 0);
  const firstRate = otherRate(context.firstPersonUnits, firstPerson > 0 ? 1 : 0, context.proseUnits);
  set('firstPersonContrast', firstPerson > 0 ? 1 - firstRate : 0);
  set('listContext', otherRate(context.listUnits, test(CUES.listItem, t), context.proseUnits));
  const meanOther = others > 0 ? (context.noveltySum - novelty) / others : novelty;
  set('noveltyExcess', others > 0 ? novelty - meanOther : 0);
  const mustContain = test(CUES.mustContain, t);
  const makeSure = test(CUES.makeSure, t);
  set('mustContain', mustContain);
  set('makeSure', makeSure);
  set('anyConstraint', Math.max(
    test(CUES.lengthConstraint, t), test(CUES.caseConstraint, t), test(CUES.wrapConstraint, t), test(CUES.startEndConstraint, t),
    test(CUES.avoidConstraint, t), test(CUES.transformOutput, t), test(CUES.respondIn, t), yourOutput,
  ));
  const anyAssistant = Math.max(assistant, moral, important);
  set('anyAssistant', anyAssistant);
  const harmSelf = test(CUES.harmWord, raw);
  set('harmContrast', harmSelf ? 1 - otherRate(context.harmUnits, 1, context.proseUnits) : 0);
  const toolSelf = test(CUES.toolVerb, raw);
  set('toolContrast', toolSelf ? 1 - otherRate(context.toolUnits, 1, context.proseUnits) : 0);
  const isolated = context.isolated.has(index) ? 1 : 0;
  set('lineContrast', isolated ? 1 - otherRate(context.isolated.size, 1, context.proseUnits) : 0);
  set('assistantContrast', anyAssistant ? 1 - otherRate(context.assistantUnits, 1, context.proseUnits) : 0);
  set('anyOverride', Math.max(test(CUES.override, t), test(CUES.metaInstructions, t), test(CUES.extraction, t), test(CUES.followingInstruction, t)));
  set('quoteCover', quoted.share);
  set('vocative', test(CUES.vocative, t));
  set('dialogueContext', otherRate(context.dialogueUnits, test(CUES.dialogueTag, raw), context.proseUnits));
  set('cueQuoted', quoted.cue);
  set('reportingFrame', test(CUES.reportingFrame, t));
  set('dialogueTag', test(CUES.dialogueTag, raw));
  set('thirdPersonStart', test(CUES.thirdPersonStart, t));
  set('anyPersona', Math.max(test(CUES.youAreNow, t), test(CUES.actAs, t), test(CUES.jailbreak, t), test(CUES.fromNowOn, t)));
  set('anyTool', Math.max(toolStart, myResource) * Math.max(imperative, test(CUES.please, t), test(CUES.requestToMe, t)));

  set('imperativeYourOutput', imperative * Math.max(yourOutput, test(CUES.theOutput, t)));
  set('imperativeNovel', imperative * novelty);
  set('questionNovel', question * novelty);
  set('assistantNovel', Math.max(assistant, moral, important) * novelty);
  set('toolRequest', Math.max(toolStart, imperative * (tools > 0 ? 1 : 0)) * Math.max(myResource, test(CUES.emailAddress, t), test(CUES.money, t)));
  return x;
}

/** Whether a prose unit is worth scoring at all. */
export function passesPrefilter(unitText: string, verbs: ReadonlySet<string>): boolean {
  return PREFILTER.test(unitText) || isImperative(unitText, verbs);
}
