// Cue patterns for instruction-like text. Each pattern is a signal, not a verdict: the learned
// scorer weighs them together, so a phrase that also occurs in documentation costs little on its
// own. Gaps between cue words are bounded character classes so that no pattern can backtrack
// catastrophically.

/** A gap of a few words inside one clause. */
const GAP = '[^.!?\\n]{0,48}';
const SHORT_GAP = '[^.!?\\n]{0,24}';

const OUTPUT_NOUN = '(?:response|responses|reply|replies|answer|answers|output|message|summary|essay|post|letter|story|poem|translation|text|explanation|elucidation)';
/**
 * OUTPUT_NOUN without "text" and "post", which documentation and licences use for the reader's own
 * writing ("The text should be enclosed in the appropriate comment syntax", "Convert text to lowercase"):
 * what a reply must be, and what a transformation is asked of.
 */
const REPLY_NOUN = OUTPUT_NOUN.slice(3, -1).split('|').filter((noun) => noun !== 'text' && noun !== 'post').join('|');
/**
 * What may precede a clause's first word: list markers, quotes, brackets, digits and spaces (the
 * opening that mood.ts reads past too).
 */
export const CLAUSE_OPENING = `[\\s\\d.)*•+#>'"“‘([{-]{0,8}`;
/** "Pay attention" and "pay close attention": an idiom, in which "pay" moves no money. */
const ATTENTION = '\\s+(?:close\\s+|more\\s+|special\\s+)?attention\\b';
const CODE_NOUN = '(?:code|snippet|script|function|section|block|excerpt|segment|module|program|implementation|solution|algorithm)';

export const CUES = {
  // Addressee
  secondPerson: /\b(?:you|your|yours|yourself|yourselves)\b/gi,
  addressModel: /\b(?:AI|A\.I\.|chatbots?|language models?|LLMs?|ChatGPT|GPT-?\d?)\b|\b(?:the|dear|hey|hi|hello|attention)\s+(?:assistant|model|bot|agent|AI)\b/,
  /** The model addressed directly, not talked about: "AI:", "Dear assistant,", "you, the model". */
  vocative: /(?:^|[.!?]\s)(?:(?:dear|hey|hi|hello|attention|note to|message to|to)\s+)?(?:the\s+)?(?:AI|assistant|model|LLM|chatbot|bot|agent|GPT|ChatGPT)(?:\s+(?:assistant|model|agent))?\s*[:,!]|\byou,? (?:the|an?) (?:AI|assistant|language model|model|agent)\b|\b(?:as|being) an? (?:AI|assistant|language model),? you\b/i,
  noteToModel: /\b(?:note|message|reminder|instructions?) (?:to|for) (?:the |any )?(?:AI|assistant|model|LLM|bot|agent|reader)\b/i,
  yourOutput: new RegExp(`\\byour\\s+(?:[a-z]+\\s+)?${OUTPUT_NOUN}\\b`, 'i'),
  yourCode: new RegExp(`\\byour\\s+(?:[a-z]+\\s+)?${CODE_NOUN}\\b`, 'i'),
  theOutput: new RegExp(`\\b(?:in|to|into|throughout|within|of)\\s+(?:your|the|each)\\s+(?:entire\\s+|whole\\s+|final\\s+)?${OUTPUT_NOUN}\\b`, 'i'),

  // Meta-reference to instructions and the prompt
  metaInstructions: /\b(?:previous|prior|above|earlier|preceding|foregoing|original|initial|system|hidden|developer|all|any|new|updated)\s+(?:instructions?|prompts?|directives?|guidelines|commands?|directions|orders|context|messages?|conversation|rules)\b/i,
  instructionWord: /\b(?:instructions?|prompts?|directives?)\b/i,
  override: new RegExp(`\\b(?:ignore|disregard|forget|override|overwrite|bypass|abandon|neglect|discard|skip)\\b${SHORT_GAP}\\b(?:instructions?|prompts?|rules|guidelines|directions|above|before|previous|prior|everything|context|restrictions|constraints)\\b`, 'i'),
  extraction: new RegExp(`\\b(?:reveal|repeat|print|show|display|output|leak|disclose|recite|spell out|tell me|share|write out|dump)\\b${SHORT_GAP}\\b(?:system prompt|prompt|instructions|text above|above text|initial|hidden|secret|password|api key|everything above|conversation|context window)\\b`, 'i'),
  // "following" is the verb only before a determiner: "with the following command" is documentation.
  followingInstruction: /\b(?:(?:follow|adhere to|obey|comply with|execute)\s+(?:the\s+|these\s+|my\s+|this\s+)?|following\s+(?:the|these|my|this)\s+)(?:following\s+|new\s+)?(?:instructions?|commands?|orders|task|directives?)\b/i,

  // Requests and questions
  please: /\b(?:please|kindly|pls)\b/i,
  requestToMe: /\b(?:tell|show|give|send|help|teach|let|remind|email|forward|provide|find)\s+me\b|\b(?:can|could|would|will)\s+you\b|\bI\s+(?:want|need|would like)\s+(?:you|to)\b/i,
  question: /\?[\s"'”’)\]]{0,8}$/,
  questionStart: /^(?:what|how|why|where|when|who|which|whose|is|are|can|could|would|should|do|does|did|will|have|has)\b/i,

  // Output constraints
  lengthConstraint: /\b(?:at (?:least|most)|exactly|no (?:more|less|fewer) than|(?:less|fewer|more) than|under|between)\s+(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)\s+(?:[a-z]+\s+)?(?:words|sentences|paragraphs|times|bullets?|bullet points|sections|letters|characters|lines|highlighted|placeholders|parts|items)\b/i,
  caseConstraint: /\b(?:all\s+)?(?:capital|uppercase|upper-case|lowercase|lower-case|small|capitalized)\s+(?:letters|case)\b|\ball[\s-]caps\b|\bcapitali[sz]e\b/i,
  wrapConstraint: new RegExp(`\\b(?:wrap|enclose|surround|put|place)\\b${GAP}\\b(?:quotation marks|double quotes|quotes|brackets|asterisks|angular brackets|markdown)\\b`, 'i'),
  startEndConstraint: new RegExp(`\\b(?:start|begin|end|finish|conclude|close|sign off)\\s+(?:your|the|each|every|with)\\b${SHORT_GAP}\\b(?:${OUTPUT_NOUN.slice(3, -1)}|sentence|paragraph|phrase|word)\\b|\\b(?:${REPLY_NOUN})\\s+(?:must|should|has to|needs to)\\b`, 'i'),
  avoidConstraint: new RegExp(`\\b(?:do not|don't|never|refrain from|avoid|without)\\s+(?:use|using|include|including|mention|mentioning|write|writing|any)\\b${SHORT_GAP}\\b(?:commas?|letters?|words?|punctuation|capital|keywords?)\\b|\\bno (?:commas|punctuation|capital letters)\\b`, 'i'),
  transformOutput: new RegExp(`\\b(?:translate|rewrite|rephrase|paraphrase|encode|encrypt|convert|reverse|scramble|jumble|replace|substitute|swap|shuffle|spell|combine)\\b${GAP}\\b(?:${REPLY_NOUN}|words|letters|vowels|consonants|characters|symbols)\\b`, 'i'),
  mustContain: /\b(?:must|should|needs? to|has to)\s+(?:be\s+)?(?:contain|include|start with|end with|begin with|written in|mention|be (?:in|at least|exactly|no more))\b/i,
  makeSure: /^(?:please\s+)?(?:make sure|ensure|be sure|remember to|don['’]t forget to)\b/i,
  respondIn: /\b(?:respond|reply|answer|write|speak|talk)\s+(?:only\s+|exclusively\s+|entirely\s+)?(?:in|with|using|like)\b/i,
  formatWord: /\b(?:json|base64|base-64|rot13|morse code|pig latin|leetspeak|emojis?|bullet points?|markdown|haiku|rhymes?|riddle|acrostic|P\.S\.|postscript|placeholders?|title)\b/i,
  language: /\b(?:in|into|to)\s+(?:Spanish|French|German|Italian|Chinese|Mandarin|Japanese|Korean|Russian|Arabic|Hindi|Portuguese|Dutch|Swedish|Latin|Greek|Hebrew|Turkish|Polish|Vietnamese|Thai|Bengali|Urdu|Persian|Farsi|Swahili|Kannada|Tamil|Telugu|Marathi|Gujarati|Punjabi|Nepali|Finnish|Danish|Norwegian|Czech|Hungarian|Indonesian)\b/,

  // Assistant voice and refusals
  apology: /^(?:I'?m|I am|We'?re|We are)\s+(?:so\s+|really\s+|very\s+|truly\s+)?sorry\b|\b(?:apologi[sz]e|my apologies)\b/i,
  // "I can't believe", "I can't thank him enough": a writer's feelings, which no refusal voices.
  cannot: /\bI\s+(?:(?:cannot|can['’]t|can not)(?!\s+(?:believe|thank|wait|imagine|remember|stand|stop|overstate|stress|emphasi[sz]e|express|recommend|help but|say enough|get over|begin to)\b)|won['’]t|will not|am unable to|am not able to|must decline|refuse to|(?:do not|don['’]t) (?:feel comfortable|think (?:it|that)))\b/i,
  asAnAI: /\b(?:as an? (?:AI|artificial intelligence|language model|assistant|responsible AI)|(?:AI|language) model|I(?:'m| am) (?:just |only )?an? (?:AI|assistant|language model|computer program))\b/i,
  condone: /\bI\s+(?:do not|don['’]t|cannot|can['’]t)\s+(?:condone|support|promote|endorse|encourage|provide|assist|help|have (?:personal|the ability|access|opinions|feelings))\b/i,
  moralJudgement: /\b(?:not|never|neither)\s+(?:(?:morally|ethically|socially|legally)\s+)?(?:appropriate|ethical|acceptable|okay|ok|legal|safe|justified|justifiable|advisable|respectful|right|inherently)\b/i,
  itIsImportant: /\b(?:it is|it['’]s|it remains)\s+(?:always\s+|never\s+|also\s+)?(?:important|crucial|essential|vital|necessary|never|best)\b/i,
  harmWord: /\b(?:harm\w{0,4}|violen\w{1,4}|illegal|unethical|immoral|offensive|discriminat\w{0,6}|hate|hatred|abus\w{1,4}|self-harm|suicid\w{1,3}|kill\w{0,3}|murder\w{0,3}|weapons?|dangerous|disrespect\w{0,4}|genocide|racis\w{1,2}|prejudice|stereotyp\w{0,4}|victims?|death|deaths|injur\w{1,4}|tragic)\b/gi,
  careWord: /\b(?:respect\w{0,4}|kindness|dignity|compassion|empathy|professional help|mental health|support|seek help|trusted|safety|well-being|wellbeing|consult)\b/i,

  // Urgency
  urgencyWord: /\b(?:IMPORTANT|URGENT|ATTENTION|WARNING|ALERT|CRITICAL|NOTICE|NOTE|REMINDER|MANDATORY)\b/,
  bangs: /!{2,}/,

  // Tools, money and personal data
  toolVerb: new RegExp(`\\b(?:send|transfer|wire|e-?mail|forward|delete|erase|wipe|withdraw|deposit|pay(?!${ATTENTION})|purchase|buy|sell|order|share|grant|revoke|unlock|download|upload|install|uninstall|execute|schedule|book|cancel|post|tweet|publish|invite|approve|initiate|reset|disable|deactivate|update|change|modify|move|redirect|allocate|set up|add)\\b`, 'gi'),
  myResource: /\bmy\s+(?:[a-z]+\s+)?(?:account|accounts|e-?mail|password|files?|data|records?|bank|card|credit|contacts|calendar|photos?|documents?|home|house|door|car|wallet|funds|money|address|phone|inbox|drive|dropbox|health|medical|genetic|security|devices?|location|history|profile|repository|repo|server|database|shipments?|orders?|stocks?|portfolio|balance|payments?|appointments?|prescriptions?)\b/i,
  money: /[$€£¥]\s?\d|\b\d[\d,.]{0,12}\s?(?:USD|EUR|GBP|dollars|BTC|ETH|bitcoins?)\b|\bbitcoin\b|\bcrypto(?:currency)?\b|\b(?:IBAN|SWIFT|routing number|account number)\b/i,
  emailAddress: /\b[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,12}\b/i,
  toolName: /\b[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20}){2,6}\b/,
  quotedId: /\b(?:id|ID|number|username|account)\b[^.\n]{0,12}['"‘“][\w@.-]{2,40}['"’”]|\b(?:id|ID)\s+[\w-]{0,20}\d[\w-]{0,20}\b/,

  // Code the reader is told to add
  codeNoun: new RegExp(`\\b${CODE_NOUN}\\b`, 'i'),
  codeVerb: /\b(?:embed\w{0,3}|insert\w{0,3}|includ\w{1,3}|incorporat\w{1,3}|integrat\w{1,5}|add\w{0,3}|append\w{0,3}|inject\w{0,3}|paste|deploy\w{0,3}|featur\w{1,3}|enrich|enhance|augment|infuse|weave|implant|blend|merge|plug|fold|elevate|place|put|slot|run|execute)\b/i,
  followingCode: new RegExp(`\\b(?:following|below|subsequent|provided|given|this|attached|next)\\s+(?:[a-z]+\\s+)?${CODE_NOUN}\\b`, 'i'),

  // Persona changes
  youAreNow: /\b(?:you are|you['’]re|you will be|you['’]ll be|you have become|you become)\s+(?:now\s+(?:an?|the|my|DAN|in|free|going|acting)\b|going to (?:act|pretend|play|respond|answer)\b|about to (?:immerse|become|act|play)\b|no longer\b|free\b(?!\s+to\b)|an? (?:unrestricted|unfiltered|evil|rogue|new)\b)|\b(?:you are|you['’]re) (?:now )?(?:an?|the) [A-Za-z]{2,20} (?:named|called)\b/i,
  actAs: /(?<!(?:\bthat|\bwhich|\bwho|\bnot|n't|\bmay|\bmight)\s)\b(?:act|acting|behave|respond|answer|roleplay|role-play|speak)\s+(?:as|like)\s+(?:an?|if|the|my)?\b|\bpretend(?:ing)?\s+(?:to|be|you|you['’]re|(?:that|as if) you)\b|\bimpersonat\w{1,4}|\bin character\b|\bstay in\b|\bplay (?:the )?(?:role|part)\b/i,
  // The DAN persona's name is in CASED_CUES, case and all.
  jailbreak: /\b(?:jailbr\w{1,6}|developer mode|do anything now|no (?:restrictions|limits|filters|rules|boundaries)|unfiltered|uncensored|unrestricted|without (?:any )?(?:restrictions|censorship|filters|limitations))\b/i,
  fromNowOn: /\b(?:from now on|from this point|henceforth|going forward|for the rest of (?:this|the) conversation)\b/i,

  // Promotion or payload to relay
  promoVerb: /\b(?:visit|click|subscribe|join|follow us|download|sign up|register|donate|reach out|contact|check out|promote|advertise|recommend|suggest|urge|encourage|invite|remind|persuade|convince)\w{0,3}\b/i,
  url: /\b(?:https?:\/\/|www\.)[^\s<>"'`]{1,200}|\b[\w-]{2,40}\.(?:com|net|org|io|co|info|biz|xyz|ru|cn|ly)\b/i,
  audience: /\b(?:users?|readers?|audience|customers?|visitors?|recipients?|everyone|people)\b/i,

  // Mention rather than use: reported speech, quotation and dialogue
  quoted: /["“][^"”\n]{1,300}["”]/g,
  reportingFrame: /\b(?:said|says|saying|told|tells|reported|reports|wrote|writes|warned|warns|explained|explains|claimed|claims|described|describes|according to|such as|known as|called|dubbed|so-called|for example|researchers?|attackers?|hackers?|experts?|study|paper|article|authors?|report|attacks?|vulnerabilit(?:y|ies)|exploits?|regulators?|vendors?|company)\b/i,
  dialogueTag: /^["“‘]|["”’],?\s+(?:he|she|they|I|we|it|[A-Z][a-z]{1,20})\s+(?:said|asked|replied|whispered|shouted|told|growled|added|answered|muttered|called)\b|\b(?:he|she|they|[A-Z][a-z]{1,20})\s+(?:said|asked|replied|whispered|shouted|told \w+)\b[^"“]{0,20}["“]/,
  thirdPersonStart: /^(?:The|A|An|This|That|These|Those|He|She|They|It|Its|His|Her|Their|Researchers|Attackers|Experts|Users|People|Some|Many|Most|Our)\b/,

  // Structure
  listItem: /^\s{0,3}(?:\d{1,3}[.)]|[-*•+])\s/,
  backtick: /`/,
  // "I" as a pronoun, not a Roman numeral ("World War I") or part of "I/O".
  firstPerson: /(?<!(?:War|Part|Act|Henry|Louis|Elizabeth|Charles|James|Type|Phase|Stage|Class|Chapter|Book) )\bI(?=['’](?:m|ve|d|ll)\b|\s+[a-z])|\b(?:[Mm]e|[Mm]y|mine|myself)\b/g,
  capsWord: /\b[A-Z]{3,}\b/g,
  word: /[A-Za-z][A-Za-z'’-]{0,40}/g,
} as const;

/**
 * Parts of a cue that must keep their case, which its case-blind pattern cannot say: a cue holds
 * when either pattern matches.
 */
export const CASED_CUES: { readonly [name in keyof typeof CUES]?: RegExp } = {
  // The "Do Anything Now" persona, which jailbreak prompts write in capitals. A case-blind match also
  // took the name Dan and the Indonesian and Malay word "dan" ("and"), so that whole articles in
  // those languages read as persona overrides.
  jailbreak: /\bDAN\b/,
};

/**
 * Openers that may precede an imperative verb without changing the mood ("Please send…",
 * "Now, ignore…", "Also translate…").
 */
export const IMPERATIVE_OPENERS = new Set([
  'please', 'kindly', 'now', 'also', 'then', 'and', 'so', 'just', 'first', 'next', 'finally', 'additionally', 'instead', 'simply',
  'immediately', 'always', 'never', 'do', 'don\'t', 'lastly', 'furthermore', 'moreover', 'important', 'note', 'again', 'quickly',
]);

/** Verbs that act through an agent's tools when they open a request. */
export const TOOL_VERBS = new Set([
  'send', 'transfer', 'wire', 'email', 'e-mail', 'forward', 'delete', 'erase', 'wipe', 'withdraw', 'deposit', 'pay', 'purchase', 'buy',
  'sell', 'order', 'share', 'grant', 'revoke', 'unlock', 'download', 'upload', 'install', 'uninstall', 'execute', 'schedule', 'book',
  'cancel', 'post', 'tweet', 'publish', 'invite', 'approve', 'initiate', 'reset', 'disable', 'deactivate', 'update', 'change', 'modify',
  'move', 'redirect', 'allocate', 'add', 'set', 'create', 'remove', 'give', 'make', 'turn', 'open', 'unlock', 'grant', 'access', 'retrieve',
  'fetch', 'search', 'find', 'get', 'use', 'guide', 'navigate', 'control', 'adjust', 'start', 'stop', 'launch', 'sync', 'export', 'copy',
]);

/** Words the verb lexicon tags as possible base verbs but that rarely open an imperative clause. */
export const NOT_IMPERATIVE = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'there', 'here', 'we', 'they', 'he', 'she', 'i', 'you', 'in',
  'on', 'at', 'as', 'if', 'when', 'while', 'because', 'but', 'or', 'for', 'to', 'of', 'with', 'by', 'from', 'one', 'some', 'all',
  'each', 'every', 'both', 'many', 'most', 'more', 'less', 'other', 'another', 'such', 'no', 'not', 'have', 'be', 'are', 'is', 'was',
  'were', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'let\'s', 'rust', 'cargo', 'listing', 'chapter',
  'however', 'after', 'before', 'since', 'until', 'like', 'well', 'hi', 'hello', 'dear', 'thanks', 'thank', 'yes', 'ok', 'okay',
]);

/** Function words ignored when comparing a clause's vocabulary with the rest of the document. */
export const STOPWORDS = new Set(
  ('about above after again against also although always among another any anyone anything are around aren because been before being ' +
    'below between both cannot could does doesn doing done down during each either else even ever every from further have having here ' +
    'hers herself himself however into itself just least less like made make makes many might more most much must myself never ' +
    'often once only other ours ourselves over same shall should since some such than that their theirs them themselves then there ' +
    'these they this those through under until upon very want well were what whatever when where whether which while whom whose will ' +
    'with within without would your yours yourself yourselves please thing things really there using used uses also first second ' +
    'still that’s it’s isn’t don’t doesn’t can’t won’t we’ll you’ll we’re you’re they’re')
    .split(/\s+/),
);

/**
 * Verbs that ask the reader to produce a new piece of writing or analysis ("Write a poem…",
 * "Describe the lifecycle of…"): an imperative with one of these hands the reader a task of its own.
 */
export const GENERATION_VERBS = new Set([
  'write', 'compose', 'draft', 'describe', 'explain', 'provide', 'analyze', 'analyse', 'summarize', 'summarise', 'suggest', 'develop',
  'generate', 'create', 'list', 'outline', 'discuss', 'identify', 'classify', 'determine', 'calculate', 'translate', 'evaluate', 'compare',
  'name', 'define', 'recommend', 'brainstorm', 'elaborate', 'break', 'rewrite', 'produce', 'craft', 'design', 'propose', 'predict',
  'illustrate', 'argue', 'debate', 'tell', 'give', 'share', 'convince', 'persuade', 'invent', 'imagine', 'paraphrase', 'rephrase',
  'critique', 'review', 'assess', 'estimate', 'solve', 'answer', 'respond', 'reply', 'recite', 'sing', 'plan', 'detail', 'research',
]);

/** Nouns that the verb lexicon lists first as nouns but that open imperatives in requests and docs. */
export const EXTRA_IMPERATIVE_VERBS = [
  'click', 'check', 'use', 'list', 'draft', 'outline', 'share', 'order', 'note', 'sign', 'forward', 'book', 'email', 'text', 'call',
  'visit', 'post', 'reply', 'answer', 'review', 'plan', 'detail', 'research', 'design', 'name', 'type', 'press', 'select', 'copy',
];

/**
 * Words that nearly every model-directed cue contains (the addressee, the model's instructions or
 * answer, output constraints, assistant voice, persona, "my" data). A clause with none of them, no
 * "?", "@" or currency sign, and no task, tool or code verb up front is unlikely to be aimed at the
 * model, so it may not start a span and is scored only if a flagged neighbour asks (see detect.ts).
 * Rare words only: a common word here would send most clean clauses through feature extraction.
 */
export const DIRECTED_WORDS = new Set(
  ('you your yours yourself yourselves ai assistant chatbot chatbots llm llms gpt chatgpt bot instruction instructions prompt prompts ' +
    'directive directives ignore disregard forget override bypass reveal verbatim secret password jailbreak jailbroken dan pretend ' +
    'roleplay role-play impersonate unrestricted unfiltered uncensored restrictions henceforth sorry apologize apologise apologies ' +
    'cannot can\'t can’t unable won\'t won’t condone appropriate inappropriate ethical unethical acceptable unacceptable justified ' +
    'advisable respectful inherently important crucial essential vital me my please kindly pls json base64 rot13 uppercase lowercase ' +
    'capital capitalized commas punctuation quotation asterisks brackets placeholders highlighted bullet bullets words sentences ' +
    'paragraphs response responses reply replies answer answers essay poem summary respond act behave snippet developer replace ' +
    'following letter times keywords tweet')
    .split(/\s+/),
);

/**
 * A request that opens its clause ("Tell me…", "Please show me…", "Can you…"): how a task is put to
 * the model. The same words inside a clause are most often narrative ("the club can send me its
 * newsletter", "You tell me one, and…"), so only this form makes a clause model-directed.
 */
export const REQUEST_LEAD = new RegExp(
  `^${CLAUSE_OPENING}(?:(?:please|now|so|ok|okay),?\\s+)?(?:(?:tell|show|give|send|help|teach|let|remind|email|forward|provide|find)\\s+me\\b|(?:can|could|would|will)\\s+you\\b)`,
  'i',
);

/** A question asked by the writer about their own situation, as in an FAQ or a forum post. */
export const FIRST_PERSON_QUESTION = /^(?:how|what|where|when|why|which|can|could|should|do|does|did|may|am|is|will|would)\b[^?]{0,60}?\b(?:I|we|my|our|me|us)\b/i;

/**
 * "Pay attention" opening a clause: "pay" is then no payment, so the clause is no tool action
 * (documentation's "Please pay attention that this method …", an answer's "Pay attention to …").
 */
export const PAY_ATTENTION = new RegExp(`^${CLAUSE_OPENING}(?:(?:please|now|so|also),?\\s+)?pay${ATTENTION}`, 'i');

/** Verbs that, opening a clause, tell the reader to add code to what they write. */
export const CODE_VERBS = new Set([
  'embed', 'insert', 'incorporate', 'integrate', 'inject', 'append', 'paste', 'enhance', 'enrich', 'augment', 'infuse', 'weave',
  'implant', 'blend', 'merge', 'plug', 'elevate', 'add', 'include', 'run', 'execute', 'deploy',
]);
