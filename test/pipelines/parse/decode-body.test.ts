import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, charsetFromContentType, charsetFromMeta, decodeBody, decodeUtf8WithFallback } from '../../../pipelines/parse/decode-body.ts';

const html = (head: string, body: string): string => `<html><head>${head}</head><body>${body}</body></html>`;

describe('decodeBody', () => {
  it('follows BOM, then header, then meta', () => {
    const latin = iconv.encode(html('<meta charset="iso-8859-1">', 'Grüße'), 'latin1');
    expect(decodeBody(latin, null, true)).toMatchObject({ charset: 'windows-1252', charsetSource: 'meta' });
    expect(decodeBody(latin, 'text/html; charset=ISO-8859-1', true)).toMatchObject({ charsetSource: 'header' });
    expect(decodeBody(latin, null, true).text).toContain('Grüße');
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode('<p>Köln</p>', 'utf-16le')]);
    expect(decodeBody(utf16, 'text/html; charset=iso-8859-1', true)).toMatchObject({ text: '<p>Köln</p>', charsetSource: 'bom' });
  });

  it('reads a body that is valid UTF-8 as UTF-8 even when the header says Latin-1, with a warning', () => {
    const body = new TextEncoder().encode(html('', 'Städteallianz'));
    const decoded = decodeBody(body, 'text/html; charset=iso-8859-1', true);
    expect(decoded.text).toContain('Städteallianz');
    expect(decoded.warnings[0]).toMatch(/valid UTF-8/);
  });

  it('falls back to windows-1252 for undeclared invalid UTF-8, keeping the real UTF-8 parts', () => {
    const body = new Uint8Array([...new TextEncoder().encode('Köln '), 0x93, 0x4a, 0x61, 0x84]);
    const decoded = decodeBody(body, null, true);
    expect(decoded.text).toBe('Köln “Ja„');
    expect(decoded.warnings[0]).toMatch(/not valid UTF-8/);
  });

  it('ignores meta tags in plain text and unknown charset labels', () => {
    const body = new TextEncoder().encode('<meta charset="shift_jis"> steht im Text');
    expect(decodeBody(body, null, false).charsetSource).toBe('sniffed');
    expect(decodeBody(new TextEncoder().encode('x'), 'text/html; charset=klingon', true).warnings[0]).toMatch(/unknown charset/);
  });
});

describe('charset helpers', () => {
  it('parse labels from headers and meta tags', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromMeta(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'))).toBe('windows-1252');
    expect(canonicalCharset('ISO-8859-1')).toBe('windows-1252');
    expect(canonicalCharset('utf8')).toBe('utf-8');
    expect(canonicalCharset('iso-8859-15')).toBe('iso-8859-15');
  });

  it('decodes overlong and surrogate sequences as windows-1252 bytes instead of throwing', () => {
    expect(decodeUtf8WithFallback(new Uint8Array([0xc0, 0xaf]))).toBe('À¯');
    expect(decodeUtf8WithFallback(new Uint8Array([0xed, 0xa0, 0x80]))).toBe('í\u00a0€');
  });
});
