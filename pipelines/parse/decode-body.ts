/**
 * Turns body bytes into a string with the right charset, in the order browsers use:
 * byte-order mark, HTTP header, `<meta>` in the first KiBs, then a UTF-8 validity check.
 */
import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** The charset used, as an iconv-lite name (`utf-8`, `windows-1252`, …). */
  charset: string;
  /** Which rung chose it: `bom`, `header`, `meta`, `sniffed`. */
  charsetSource: 'bom' | 'header' | 'meta' | 'sniffed';
  warnings: string[];
}

/** Reads `charset=…` from a Content-Type value. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

/** Finds `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KiB. */
export function charsetFromMeta(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 4096)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return null;
}

/**
 * Maps a declared label to the decoder browsers use: WHATWG decodes `iso-8859-1` and `us-ascii`
 * as windows-1252, which is what servers that say Latin-1 actually send (€, „“ in 0x80–0x9F).
 */
export function canonicalCharset(label: string): string | null {
  const name = label.trim().toLowerCase().replace(/^x-/, '');
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(name)) return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252', 'cp819', 'iso_8859-1'].includes(name)) {
    return 'windows-1252';
  }
  if (['utf-16', 'utf-16le'].includes(name)) return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  return iconv.encodingExists(name) ? name : null;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if the bytes there are not valid UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number): boolean => ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = bytes[i + 1] ?? 0;
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return 0; // surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = bytes[i + 1] ?? 0;
    if (b0 === 0xf0 && b1 < 0x90) return 0;
    if (b0 === 0xf4 && b1 >= 0x90) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Counts valid multi-byte sequences and invalid bytes, to tell UTF-8 from a legacy charset. */
export function scanUtf8(bytes: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      if (length > 1) multiByte++;
      i += length;
    }
  }
  return { multiByte, invalid };
}

/**
 * Decodes UTF-8, and each byte that is not valid UTF-8 as windows-1252: the right reading of pages
 * whose CMS mixed encodings, and of pure Latin-1 pages (then every high byte is "invalid").
 */
export function decodeUtf8WithFallback(bytes: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      if (i > runStart) parts.push(decoder.decode(bytes.subarray(runStart, i)));
      parts.push(iconv.decode(Buffer.from([bytes[i] ?? 0]), 'windows-1252'));
      i++;
      runStart = i;
    } else {
      i += length;
    }
  }
  if (runStart < bytes.length) parts.push(decoder.decode(bytes.subarray(runStart)));
  return parts.join('');
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return decodeUtf8WithFallback(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Decodes a body. `readMeta` is false for plain text, where a `<meta>` would be content, not markup.
 * Never throws on bad bytes: invalid UTF-8 comes out as windows-1252 characters with a warning.
 */
export function decodeBody(body: Uint8Array, contentType: string | null, readMeta: boolean): DecodedBody {
  const warnings: string[] = [];
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return { text: decodeUtf8WithFallback(body.subarray(3)), charset: 'utf-8', charsetSource: 'bom', warnings };
  }
  if (body[0] === 0xff && body[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(body.subarray(2)), 'utf-16le'), charset: 'utf-16le', charsetSource: 'bom', warnings };
  }
  if (body[0] === 0xfe && body[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(body.subarray(2)), 'utf-16be'), charset: 'utf-16be', charsetSource: 'bom', warnings };
  }

  // Nearly every page is valid UTF-8: the native decoder settles that without the byte loop.
  const valid = decodeValidUtf8(body);
  const scan = valid === null ? scanUtf8(body) : { multiByte: valid.length < body.length ? 1 : 0, invalid: 0 };
  const utf8 = (): string => valid ?? decodeUtf8WithFallback(body);
  const declared: Array<{ source: 'header' | 'meta'; label: string }> = [];
  const headerLabel = charsetFromContentType(contentType);
  if (headerLabel) declared.push({ source: 'header', label: headerLabel });
  const metaLabel = readMeta ? charsetFromMeta(body) : null;
  if (metaLabel) declared.push({ source: 'meta', label: metaLabel });

  for (const { source, label } of declared) {
    const charset = canonicalCharset(label);
    if (!charset) {
      warnings.push(`${source} declared unknown charset "${label}"; ignored it`);
      continue;
    }
    if (charset.startsWith('utf-16') && scan.invalid === 0) {
      // Pages that say UTF-16 but are ASCII-compatible are really UTF-8 (WHATWG does the same).
      warnings.push(`${source} declared ${label} but the body is ASCII-compatible; read it as UTF-8`);
      return { text: utf8(), charset: 'utf-8', charsetSource: source, warnings };
    }
    if (charset === 'windows-1252' && scan.invalid === 0 && scan.multiByte > 0) {
      // A body that is valid UTF-8 with non-ASCII letters is almost never Latin-1 by accident;
      // trusting the label would turn "ü" into "Ã¼".
      const other = declared.find((d) => d.source !== source && canonicalCharset(d.label) === 'utf-8');
      warnings.push(`${source} declared ${label} but the body is valid UTF-8${other ? ` (and the ${other.source} says ${other.label})` : ''}; read it as UTF-8`);
      return { text: utf8(), charset: 'utf-8', charsetSource: source, warnings };
    }
    if (charset === 'utf-8' && scan.invalid > 0) {
      warnings.push(`${source} declared ${label} but the body has ${scan.invalid} invalid UTF-8 byte(s); read them as windows-1252`);
    }
    return { text: charset === 'utf-8' ? utf8() : decodeWith(body, charset), charset, charsetSource: source, warnings };
  }

  if (scan.invalid > 0) {
    warnings.push(`no charset declared and the body is not valid UTF-8 (${scan.invalid} invalid byte(s)); read them as windows-1252`);
    return { text: decodeUtf8WithFallback(body), charset: scan.multiByte > 0 ? 'utf-8' : 'windows-1252', charsetSource: 'sniffed', warnings };
  }
  return { text: utf8(), charset: 'utf-8', charsetSource: 'sniffed', warnings };
}

/**
 * The body as UTF-8 when every byte sequence is valid (the same sequences `utf8SequenceLength`
 * accepts: WHATWG's decoder rejects overlongs, surrogates and bytes above U+10FFFF alike), else null.
 * A leading BOM was handled before, so it is kept as a character here, as the byte loop does.
 */
function decodeValidUtf8(body: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
}
