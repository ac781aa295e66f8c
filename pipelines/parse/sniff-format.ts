/**
 * Decides what a fetched body really is from its bytes, because servers mislabel: PDFs go out as
 * `text/html` or `application/octet-stream`, error pages as `application/pdf`.
 */
import type { DocumentFormat } from '../../core/parsed-document.ts';

export interface SniffedFormat {
  format: DocumentFormat;
  /** Set when the bytes contradict the Content-Type header or the URL's extension. */
  mismatch: string | null;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Where `%PDF-` starts within the first KiB (readers accept junk before it), or -1. */
export function pdfMagicOffset(body: Uint8Array): number {
  const limit = Math.min(body.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= limit; i++) {
    if (body[i] === 0x25 && PDF_MAGIC.every((byte, k) => body[i + k] === byte)) return i;
  }
  return -1;
}

/** The first bytes as lower-case Latin-1, enough to see markup whatever the charset (UTF-16 aside). */
function headOf(body: Uint8Array, length: number): string {
  let start = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) start = 3;
  return Buffer.from(body.subarray(start, start + length)).toString('latin1').toLowerCase();
}

function looksLikeHtml(body: Uint8Array): boolean {
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    // UTF-16 with BOM: drop the zero bytes and look again.
    const ascii = Buffer.from(body.subarray(2, 2048)).toString('latin1').replace(/\0/g, '').toLowerCase();
    return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(ascii);
  }
  const head = headOf(body, 2048).trimStart();
  if (/^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*(?:<!doctype html|<html)/.test(head)) return true;
  // Fragments and sloppy pages: markup first, and a tag that only HTML uses.
  return head.startsWith('<') && /<(?:head|body|title|meta|div|p|h1|table)[\s>]/.test(head);
}

function hasBinaryBytes(body: Uint8Array): boolean {
  const limit = Math.min(body.length, 1024);
  let control = 0;
  for (let i = 0; i < limit; i++) {
    const byte = body[i] ?? 0;
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > limit * 0.05;
}

/**
 * Sniffs the format: `%PDF-` magic wins, then HTML markup, then the Content-Type and the URL.
 * Returns `null` for bodies that are none of the three (images, archives, binary junk).
 */
export function sniffFormat(body: Uint8Array, contentType: string | null, url: string): SniffedFormat | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const path = url.split(/[?#]/)[0]?.toLowerCase() ?? '';
  const claimsPdf = type === 'application/pdf' || type === 'application/x-pdf' || path.endsWith('.pdf');
  const claimsHtml = type === 'text/html' || type === 'application/xhtml+xml' || /\.(?:html?|php|aspx?|jsp)$/.test(path);
  if (pdfMagicOffset(body) >= 0) {
    return { format: 'pdf', mismatch: claimsPdf ? null : `served as ${type || 'unknown type'} but the body is a PDF` };
  }
  if (looksLikeHtml(body)) {
    return { format: 'html', mismatch: claimsPdf ? `served as PDF (${type || path}) but the body is HTML` : null };
  }
  if (claimsPdf) return null;
  if (hasBinaryBytes(body)) return null;
  if (claimsHtml) return { format: 'html', mismatch: null };
  return { format: 'text', mismatch: null };
}
