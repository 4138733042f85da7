// Bytes to text without loss: invalid UTF-8 is reported with its byte offset and never decoded
// with replacement characters, so a fix can never rewrite it lossily.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number };

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    return { ok: false, byteOffset: Math.max(0, firstInvalidUtf8(bytes)) };
  }
}

/** A NUL byte in the first 8 KiB marks a binary file, as git and grep decide. */
export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

export type WideEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

/**
 * The encoding a UTF-16 or UTF-32 byte order mark announces at the start of the bytes, if any.
 * Such a file is text, not binary (its NUL bytes are the high halves of ASCII characters), but
 * corpuslint reads UTF-8 only: it says so instead of calling the file binary or every line invalid.
 */
export function wideEncodingOf(bytes: Uint8Array): WideEncoding | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? 'UTF-32LE' : 'UTF-16LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  return undefined;
}

/** The finding's message for a file in a wide encoding. */
export function wideEncodingMessage(path: string, encoding: WideEncoding): string {
  return `${path} is ${encoding} text (it starts with a ${encoding} byte order mark); corpuslint reads UTF-8 only, so the file is not linted or fixed. Convert it first, for example with \`iconv -f ${encoding} -t UTF-8\`.`;
}

/** 1-based line of a byte offset. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
