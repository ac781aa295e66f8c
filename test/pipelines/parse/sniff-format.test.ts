import { describe, expect, it } from 'vitest';
import { pdfMagicOffset, sniffFormat } from '../../../pipelines/parse/sniff-format.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it('trusts the bytes over the Content-Type', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n...'), 'text/html', 'https://a.example/x')).toEqual({ format: 'pdf', mismatch: 'served as text/html but the body is a PDF' });
    expect(sniffFormat(bytes('\n  <!DOCTYPE html><html>'), 'application/pdf', 'https://a.example/x.pdf')?.format).toBe('html');
    expect(sniffFormat(bytes('<HTML><BODY>x'), null, 'https://a.example/x')).toEqual({ format: 'html', mismatch: null });
  });

  it('finds %PDF- after leading junk and reads text/plain as text', () => {
    expect(pdfMagicOffset(bytes('\r\n\r\n%PDF-1.4'))).toBe(4);
    expect(sniffFormat(bytes('4. November 2019\n\nText'), 'text/plain', 'file:///a.txt')?.format).toBe('text');
  });

  it('returns null for binary bodies and for non-PDFs that claim to be PDFs', () => {
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'image/png', 'https://a.example/x.png')).toBeNull();
    expect(sniffFormat(bytes('Zugriff verweigert'), 'application/pdf', 'https://a.example/x.pdf')).toBeNull();
  });
});
