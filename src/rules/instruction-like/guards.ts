// Necessary substrings of the cue patterns. Each cue in lexicons.ts can only match a clause whose
// text contains one of its guard's literals (in any ASCII case), so a single scan that records which
// guards occur rules most cues out before their regular expression runs: a clause pays for one
// pass over its text instead of one per cue. The features are the same with or without the guards
// (test/rules/instruction-like-guards.test.ts compares them on random clauses).

const OUTPUT_NOUNS = ['respons', 'repl', 'answer', 'output', 'message', 'summar', 'essay', 'post', 'letter', 'stor', 'poem', 'translation', 'text', 'explanation', 'elucidation'];
const CODE_NOUNS = ['code', 'snippet', 'script', 'function', 'section', 'block', 'excerpt', 'segment', 'module', 'program', 'implementation', 'solution', 'algorithm'];
const APOLOGY = ['sorry', 'apologi'];
const CANNOT = ['cannot', 'can', 'won', 'will not', 'unable', 'not able', 'decline', 'refuse', 'feel comfortable', 'think'];
const AS_AN_AI = ['ai', 'artificial', 'model', 'assistant', 'computer program'];
const CONDONE = ['not', "n't", 'n’t', 'cannot'];
const MORAL = ['not', 'never', 'neither'];
const IMPORTANT = ['it is', "it's", 'it’s', 'it remains'];
const HARM = [
  'harm', 'violen', 'illegal', 'unethical', 'immoral', 'offensive', 'discriminat', 'hate', 'abus', 'suicid', 'kill', 'murder', 'weapon',
  'dangerous', 'disrespect', 'genocide', 'hatred', 'racis', 'prejudice', 'stereotyp', 'victim', 'death', 'injur', 'tragic',
];
const TOOL_VERBS = [
  'send', 'transfer', 'wire', 'mail', 'forward', 'delete', 'erase', 'wipe', 'withdraw', 'deposit', 'pay', 'purchase', 'buy', 'sell', 'order',
  'share', 'grant', 'revoke', 'unlock', 'download', 'upload', 'install', 'execute', 'schedule', 'book', 'cancel', 'post', 'tweet', 'publish',
  'invite', 'approve', 'initiate', 'reset', 'disable', 'deactivate', 'update', 'change', 'modify', 'move', 'redirect', 'allocate', 'set up', 'add',
];
const LANGUAGES = [
  'spanish', 'french', 'german', 'italian', 'chinese', 'mandarin', 'japanese', 'korean', 'russian', 'arabic', 'hindi', 'portuguese', 'dutch',
  'swedish', 'latin', 'greek', 'hebrew', 'turkish', 'polish', 'vietnamese', 'thai', 'bengali', 'urdu', 'persian', 'farsi', 'swahili', 'kannada',
  'tamil', 'telugu', 'marathi', 'gujarati', 'punjabi', 'nepali', 'finnish', 'danish', 'norwegian', 'czech', 'hungarian', 'indonesian',
];

export const GUARDS = {
  // Cues whose own pattern is scanned only when one of these occurs.
  override: ['ignor', 'disregard', 'forget', 'overrid', 'overwrit', 'bypass', 'abandon', 'neglect', 'discard', 'skip'],
  extraction: ['reveal', 'repeat', 'print', 'show', 'display', 'output', 'leak', 'disclos', 'recit', 'spell out', 'tell me', 'share', 'write out', 'dump'],
  followingInstruction: ['follow', 'adhere', 'obey', 'comply', 'execute'],
  metaInstructions: ['instruction', 'prompt', 'directive', 'guideline', 'command', 'direction', 'order', 'context', 'message', 'conversation', 'rules'],
  youAreNow: ['you'],
  actAs: ['act', 'behav', 'respond', 'answer', 'role', 'speak', 'pretend', 'impersonat', 'in character', 'stay in', 'play'],
  jailbreak: ['dan', 'jailbr', 'developer mode', 'do anything', 'no ', 'unfiltered', 'uncensored', 'unrestricted', 'without'],
  fromNowOn: ['from now', 'from this point', 'henceforth', 'going forward', 'rest of'],
  apology: APOLOGY,
  cannot: CANNOT,
  asAnAI: AS_AN_AI,
  condone: CONDONE,
  moralJudgement: MORAL,
  itIsImportant: IMPORTANT,
  lengthConstraint: ['least', 'most', 'exactly', 'than', 'under', 'between'],
  caseConstraint: ['capital', 'upper', 'lower', 'small', 'caps'],
  wrapConstraint: ['quot', 'bracket', 'asterisk', 'markdown'],
  startEndConstraint: ['start', 'begin', 'end', 'finish', 'conclude', 'close', 'sign off', 'must', 'should', 'has to', 'needs to'],
  avoidConstraint: ['comma', 'letter', 'word', 'punctuation', 'capital', 'keyword'],
  transformOutput: ['translat', 'rewrit', 'rephras', 'paraphras', 'encod', 'encrypt', 'convert', 'revers', 'scrambl', 'jumbl', 'replac', 'substitut', 'swap', 'shuffl', 'spell', 'combin'],
  mustContain: ['must', 'should', 'need', 'has to'],
  makeSure: ['sure', 'ensure', 'remember', 'forget'],
  respondIn: ['respond', 'reply', 'answer', 'write', 'speak', 'talk'],
  yourOutput: ['your'],
  yourCode: ['your'],
  theOutput: OUTPUT_NOUNS,
  vocative: ['ai', 'a.i', 'assistant', 'model', 'llm', 'bot', 'agent', 'gpt'],
  noteToModel: ['note', 'message', 'reminder', 'instruction'],
  please: ['please', 'kindly', 'pls'],
  followingCode: CODE_NOUNS,
  money: ['$', '€', '£', '¥', 'usd', 'eur', 'gbp', 'dollar', 'btc', 'eth', 'bitcoin', 'crypto', 'iban', 'swift', 'routing', 'account number'],
  secondPerson: ['you'],
  addressModel: ['ai', 'a.i.', 'llm', 'gpt', 'assistant', 'model', 'bot', 'agent'],
  instructionWord: ['instruction', 'prompt', 'directive'],
  requestToMe: ['me', 'you', 'want', 'need', 'would like'],
  formatWord: [
    'json', 'base64', 'base-64', 'rot13', 'morse code', 'pig latin', 'leetspeak', 'emoji', 'bullet point', 'markdown', 'haiku', 'rhyme', 'riddle',
    'acrostic', 'p.s.', 'postscript', 'placeholder', 'title',
  ],
  language: LANGUAGES,
  harmWord: HARM,
  careWord: [
    'respect', 'kindness', 'dignity', 'compassion', 'empathy', 'professional help', 'mental health', 'support', 'seek help', 'trusted', 'safety',
    'well-being', 'wellbeing', 'consult',
  ],
  urgencyWord: ['important', 'urgent', 'attention', 'warning', 'alert', 'critical', 'notice', 'note', 'reminder', 'mandatory'],
  bangs: ['!!'],
  toolVerb: TOOL_VERBS,
  myResource: ['my'],
  quotedId: ['id', 'number', 'username', 'account'],
  codeNoun: CODE_NOUNS,
  codeVerb: [
    'embed', 'insert', 'includ', 'incorporat', 'integrat', 'add', 'append', 'inject', 'paste', 'deploy', 'featur', 'enrich', 'enhance', 'augment',
    'infuse', 'weave', 'implant', 'blend', 'merge', 'plug', 'fold', 'elevate', 'place', 'put', 'slot', 'run', 'execute',
  ],
  promoVerb: [
    'visit', 'click', 'subscribe', 'join', 'follow us', 'download', 'sign up', 'register', 'donate', 'reach out', 'contact', 'check out', 'promote',
    'advertise', 'recommend', 'suggest', 'urge', 'encourage', 'invite', 'remind', 'persuade', 'convince',
  ],
  url: ['http', 'www.', '.co', '.net', '.org', '.io', '.info', '.biz', '.xyz', '.ru', '.cn', '.ly'],
  audience: ['user', 'reader', 'audience', 'customer', 'visitor', 'recipient', 'everyone', 'people'],
  reportingFrame: [
    'said', 'says', 'saying', 'told', 'tells', 'report', 'wrote', 'writes', 'warned', 'warns', 'explained', 'explains', 'claimed', 'claims',
    'described', 'describes', 'according to', 'such as', 'known as', 'called', 'dubbed', 'for example', 'researcher', 'attacker', 'hacker',
    'expert', 'study', 'paper', 'article', 'author', 'attack', 'vulnerabilit', 'exploit', 'regulator', 'vendor', 'company',
  ],
  firstPersonWord: ['me', 'my', 'mine'],
  assistantVoice: [...APOLOGY, ...CANNOT, ...AS_AN_AI, ...CONDONE, ...MORAL, ...IMPORTANT],
} as const;

export type GuardName = keyof typeof GUARDS;

const NAMES = Object.keys(GUARDS) as GuardName[];
const BIT = new Map<GuardName, number>(NAMES.map((name, i) => [name, i]));

/** Which guards occur in a text, as two 30-bit masks. */
export class GuardHits {
  constructor(readonly low: number, readonly high: number) {}

  has(name: GuardName): boolean {
    const bit = BIT.get(name)!;
    return bit < 30 ? (this.low & (1 << bit)) !== 0 : (this.high & (1 << (bit - 30))) !== 0;
  }

  /** Whether a guard occurs, by its bits from guardBits (no lookup by name in the hot path). */
  hasBits(bits: GuardBits): boolean {
    return ((this.low & bits.low) | (this.high & bits.high)) !== 0;
  }
}

export interface GuardBits {
  readonly low: number;
  readonly high: number;
}

/** A guard's bit in the two masks of GuardHits, for loops that test many guards without a lookup by name. */
export function guardBits(name: GuardName): GuardBits {
  const bit = BIT.get(name)!;
  return bit < 30 ? { low: 1 << bit, high: 0 } : { low: 0, high: 1 << (bit - 30) };
}

if (NAMES.length > 60) throw new Error('instruction-like guards: more than 60 guard names do not fit two masks');

// The literals as an Aho-Corasick automaton over their characters: one transition per character of
// a clause, in plain array lookups. A regular expression alternation of some 300 literals tries each
// one at every position, and a trie walked from every position revisits each character once per
// literal prefix that ends on it; both were the slowest parts of feature extraction.
const symbols = new Map<number, number>();
for (const name of NAMES) for (const literal of GUARDS[name]) for (const ch of literal) if (!symbols.has(ch.charCodeAt(0))) symbols.set(ch.charCodeAt(0), symbols.size + 1);
const ALPHABET = symbols.size + 1;
// ASCII capitals share their lower-case letter's symbol, so the scan reads the clause as it is. The
// cue patterns are case-insensitive only within ASCII (no \`u\` flag), so no other folding is needed.
const ASCII_SYMBOL = new Uint8Array(128);
for (const [code, symbol] of symbols) if (code < 128) ASCII_SYMBOL[code] = symbol;
for (let code = 65; code <= 90; code++) ASCII_SYMBOL[code] = ASCII_SYMBOL[code + 32];

/** The trie of the literals; node 0 is the root, and a missing child is 0. */
function buildTrie(): { next: number[]; low: number[]; high: number[] } {
  const trie = { next: [] as number[], low: [] as number[], high: [] as number[] };
  const newNode = (): number => {
    for (let k = 0; k < ALPHABET; k++) trie.next.push(0);
    trie.low.push(0);
    trie.high.push(0);
    return trie.low.length - 1;
  };
  newNode();
  for (const name of NAMES) {
    const bit = BIT.get(name)!;
    for (const literal of GUARDS[name]) {
      let node = 0;
      for (let i = 0; i < literal.length; i++) {
        const slot = node * ALPHABET + symbols.get(literal.charCodeAt(i))!;
        if (trie.next[slot] === 0) trie.next[slot] = newNode();
        node = trie.next[slot];
      }
      if (bit < 30) trie.low[node] |= 1 << bit;
      else trie.high[node] |= 1 << (bit - 30);
    }
  }
  return trie;
}

/**
 * Completes the trie into an automaton: every state gets a transition for every symbol (to the
 * longest literal prefix that the text read so far ends with), and its masks take in those of its
 * failure state, so that a state carries every literal ending at the current character.
 */
function buildAutomaton(): { next: Int32Array; low: Int32Array; high: Int32Array } {
  const { next, low, high } = buildTrie();
  const fail = new Array<number>(low.length).fill(0);
  const queue: number[] = [];
  for (let symbol = 1; symbol < ALPHABET; symbol++) if (next[symbol] !== 0) queue.push(next[symbol]);
  // Breadth first, so a failure state is complete before the states that fall back on it.
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    low[state] |= low[fail[state]];
    high[state] |= high[fail[state]];
    for (let symbol = 1; symbol < ALPHABET; symbol++) {
      const slot = state * ALPHABET + symbol;
      const fallback = next[fail[state] * ALPHABET + symbol];
      if (next[slot] === 0) {
        next[slot] = fallback;
      } else {
        fail[next[slot]] = fallback;
        queue.push(next[slot]);
      }
    }
  }
  return { next: Int32Array.from(next), low: Int32Array.from(low), high: Int32Array.from(high) };
}

const { next: NEXT, low: LOW, high: HIGH } = buildAutomaton();

function symbolOf(code: number): number {
  return code < 128 ? ASCII_SYMBOL[code] : (symbols.get(code) ?? 0);
}

/** The guards whose literals occur in text[start, end), in any ASCII case. */
export function scanGuards(text: string, start = 0, end = text.length): GuardHits {
  let low = 0;
  let high = 0;
  let state = 0;
  for (let p = start; p < end; p++) {
    // A character outside every literal ends every match in progress.
    state = NEXT[state * ALPHABET + symbolOf(text.charCodeAt(p))];
    low |= LOW[state];
    high |= HIGH[state];
  }
  return new GuardHits(low, high);
}
