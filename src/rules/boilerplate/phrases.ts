// Page furniture by its wording. These phrases only count on short units: an article that
// discusses cookies or copyright keeps its sentences, a 4-word "Accept all cookies" button goes.
export type FurnitureKind = 'cookie' | 'share' | 'skip' | 'footer' | 'newsletter' | 'comments' | 'navigation';

// `reply` is a comment widget's button only as the whole unit (`Reply`, `Cancel reply`) or with a count:
// emails and prompts say "just reply to this email" and "in your reply" in sentences of their own.
const PHRASES: [FurnitureKind, RegExp][] = [
  ['cookie', /\b(?:cookies?|cookie (?:policy|settings|preferences)|consent|gdpr|accept all|reject all|manage (?:preferences|options|settings)|privacy (?:settings|preferences|choices))\b/i],
  ['share', /\b(?:share (?:this|on|via|article|story)|(?:facebook|twitter|linkedin|pinterest|whatsapp|reddit|email|e-mail|print)(?:\s*[|/·•,]\s*|\s+)(?:facebook|twitter|linkedin|pinterest|whatsapp|reddit|email|e-mail|print)|tweet this|pin it|follow us|like us on|copy link|share$|^share\b)/i],
  ['skip', /\b(?:skip to (?:main )?(?:content|navigation|main|search|footer)|jump to (?:content|navigation)|back to top|return to top|scroll to top)\b/i],
  ['footer', /(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bterms (?:of|and) (?:use|service|conditions)\b|\bprivacy (?:policy|notice)\b|\bcontact us\b|\babout us\b|\bsitemap\b|\bpowered by\b|\badvertise with us\b)/i],
  ['newsletter', /\b(?:newsletters?|subscribe|sign up|sign in|log in|login|register|create (?:an )?account|my account|get the app|download the app|enter your email|your email address)\b/i],
  ['comments', /\bcomments?\s?\(\d+\)|\b(?:\d+ comments?|be the first to comment|leave a (?:comment|reply)|post a comment|view comments|show comments|add (?:a )?comment|no comments(?: yet)?|\d+ repl(?:y|ies)|(?:view|show|hide) (?:all )?replies|load more|read more|see more|show more|continue reading|advertisement|sponsored(?: content)?|related (?:articles?|stories|posts|content)|recommended (?:for you|stories)|most (?:popular|read|viewed)|trending(?: now)?|you (?:may|might) also like|more from|more stories)\b|^(?:cancel )?reply(?:\s*[↓→»›])?$/i],
];

/**
 * Consent banners are worded in a way articles are not, so this applies to whole sentences too.
 */
const CONSENT_BANNER =
  /\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to (?:improve|enhance|give|provide|ensure|personali[sz]e)|you (?:agree|consent) to (?:our|the) use of cookies|by (?:continuing|clicking|using)\b[^.]{0,60}\byou (?:agree|consent|accept)\b)/i;
export const CONSENT_BANNER_MAX_WORDS = 60;

/** Every CONSENT_BANNER match contains one of these; most units do not, and skip the long pattern. */
const CONSENT_HINT = /\b(?:cookies|by (?:continuing|clicking|using))/i;

export function isConsentBanner(text: string): boolean {
  return CONSENT_HINT.test(text) && CONSENT_BANNER.test(text);
}

/** Three or more short items joined by breadcrumb separators: `Home › News › Local`. */
const BREADCRUMBS = /^[^›»>|/\\]{1,40}(?:\s[›»>|/\\]\s[^›»>|/\\]{1,40}){2,12}$/;

/**
 * Something every match of BREADCRUMBS or of a PHRASES pattern contains, compared the same
 * case-insensitive way: a spaced separator (breadcrumbs have two), `©`, `(c)`, or a word at a word
 * boundary (every word in PHRASES starts at one). One test rules out all seven patterns for most
 * short lines.
 */
const ANY_FURNITURE =
  /\s[›»>|/\\]\s|©|\(c\)|\b(?:cookie|consent|gdpr|accept all|reject all|manage|privacy|share|facebook|twitter|linkedin|pinterest|whatsapp|reddit|e-?mail|print|tweet this|pin it|follow us|like us on|copy link|skip to|jump to|to top|copyright|all rights reserved|terms|contact us|about us|sitemap|powered by|advertise with us|newsletter|subscribe|sign up|sign in|log ?in|register|create|my account|the app|enter your email|your email address|comment|repl(?:y|ies)|load more|read more|see more|show more|continue reading|advertisement|sponsored|related|recommended|most|trending|also like|more from|more stories)/i;

/**
 * ANY_FURNITURE or the `by continuing` half of CONSENT_HINT (whose `cookies` half ANY_FURNITURE's
 * `cookie` covers): a short unit without a match has neither furniture nor consent wording, and
 * is ruled out by this one test instead of one for each.
 */
const ANY_WORDING = new RegExp(`${ANY_FURNITURE.source}|\\bby (?:continuing|clicking|using)`, 'i');

/** False only where neither furnitureKind nor isConsentBanner can find anything. */
export function mayHaveWording(text: string): boolean {
  return ANY_WORDING.test(text);
}

/** The kind of furniture a short unit's wording points to, if any. */
export function furnitureKind(text: string): FurnitureKind | undefined {
  if (!ANY_FURNITURE.test(text)) return undefined;
  if (BREADCRUMBS.test(text)) return 'navigation';
  for (const [kind, pattern] of PHRASES) if (pattern.test(text)) return kind;
  return undefined;
}
