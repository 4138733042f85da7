// Letters and punctuation from other scripts that render like Latin letters or like the ASCII
// punctuation chat tokens are built from. NFKD already folds fullwidth forms, mathematical
// alphanumerics, circled and superscript letters, ligatures and small forms; this table covers what
// compatibility decomposition leaves alone: Cyrillic, Greek, Armenian, Cherokee and Latin
// small-capital look-alikes, and bracket/bar look-alikes. Collected from the Unicode confusables
// data (UTS #39) for the characters that matter to token shapes, not copied from it.

const LATIN_LOOKALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A', В: 'B', Е: 'E', Ѐ: 'E', Ё: 'E', З: '3', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'I', Ї: 'I', Ј: 'J', Ү: 'Y', Ұ: 'Y', Һ: 'H', Ӏ: 'I', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ԍ: 'G', Ꙅ: 'S',
  // Cyrillic small letters
  а: 'a', в: 'b', е: 'e', ѐ: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ү: 'y', ұ: 'y', һ: 'h', ӏ: 'l', ԁ: 'd', ԛ: 'q', ԝ: 'w', ԍ: 'g', ꙅ: 's', ь: 'b', п: 'n', г: 'r',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C', Ϳ: 'J', Ϝ: 'F',
  // Greek small letters
  α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', ς: 's', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ϲ: 'c', ϳ: 'j', ϱ: 'p', ϵ: 'e', ϰ: 'k', ϒ: 'Y',
  // Armenian
  Տ: 'S', Օ: 'O', Լ: 'L', Ս: 'U', օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q', ա: 'w', ե: 'e', ռ: 'n',
  // Cherokee capitals
  Ꭺ: 'A', Ᏼ: 'B', Ꮯ: 'C', Ꭰ: 'D', Ꭼ: 'E', Ꮐ: 'G', Ꮋ: 'H', Ꭵ: 'i', Ꭻ: 'J', Ꮶ: 'K', Ꮮ: 'L', Ꮇ: 'M', Ꮲ: 'P', Ꮪ: 'S', Ꭲ: 'T', Ꮩ: 'V', Ꮃ: 'W', Ꮓ: 'Z',
  // Latin small capitals and other Latin look-alikes
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p',
  ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
  ɑ: 'a', ɡ: 'g', ı: 'i', ȷ: 'j', ɩ: 'i', ʋ: 'u', ǀ: 'l', ⅼ: 'l', ℓ: 'l',
  // Punctuation chat tokens are made of
  '‹': '<', '〈': '<', '⟨': '<', '❮': '<', '❬': '<', 'ᐸ': '<', '˂': '<', '⧼': '<',
  '›': '>', '〉': '>', '⟩': '>', '❯': '>', '❭': '>', 'ᐳ': '>', '˃': '>', '⧽': '>',
  '∣': '|', '│': '|', '┃': '|', '❘': '|', '︱': '|', '￨': '|', '⏐': '|', '⎜': '|', 'ǁ': '|', '׀': '|',
  '⁄': '/', '∕': '/', '⧸': '/', '╱': '/',
  '⟦': '[', '〚': '[', '⁅': '[', '⟧': ']', '〛': ']', '⁆': ']',
  '‗': '_', '▁': '_', 'ˍ': '_',
  '꞉': ':', '∶': ':', 'ː': ':', '˸': ':', '։': ':', '׃': ':', '܃': ':',
  '♯': '#', '⋕': '#',
  '–': '-', '‐': '-', '‑': '-', '−': '-',
};

const table = new Map<number, string>(Object.entries(LATIN_LOOKALIKES).map(([from, to]) => [from.codePointAt(0)!, to]));

/** The Latin/ASCII look-alike of one code point, or undefined when it has none. */
export function latinLookalike(codePoint: number): string | undefined {
  return table.get(codePoint);
}

/** Scripts whose letters double as Latin homoglyphs, for describing a disguise. */
export function homoglyphScript(codePoint: number): string | undefined {
  if (!table.has(codePoint)) return undefined;
  if (codePoint >= 0x0400 && codePoint <= 0x052f) return 'Cyrillic';
  if (codePoint >= 0xa640 && codePoint <= 0xa69f) return 'Cyrillic';
  if (codePoint >= 0x0370 && codePoint <= 0x03ff) return 'Greek';
  if (codePoint >= 0x0530 && codePoint <= 0x058f) return 'Armenian';
  if (codePoint >= 0x13a0 && codePoint <= 0x13ff) return 'Cherokee';
  if ((codePoint >= 0x1d00 && codePoint <= 0x1d2f) || (codePoint >= 0x0250 && codePoint <= 0x02af) || codePoint === 0xa730 || codePoint === 0xa731 || codePoint === 0xa7af) return 'Latin small-capital';
  return 'look-alike';
}
