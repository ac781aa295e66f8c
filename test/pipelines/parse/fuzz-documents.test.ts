/**
 * Poison input, generated: a few hundred PDFs and HTML pages mutated from the fixtures (wrong
 * /Length values, flipped bytes, truncations, broken xref offsets, deep or unclosed markup, control
 * bytes) go through the reader and the extractors. Each must come back as a document or as a
 * PipelineError naming it — never an unhandled error, a dead process or a hang. Bounded by count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import { PdfWorkerPool } from '../../../pipelines/parse/pdf-to-document.ts';
import { PipelineError } from '../../../core/errors.ts';
import { extractClaims } from '../../../extractors/extract-claims.ts';
import { testGazetteer } from '../run/fixture-run.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const PDF_COUNT = 200;
const HTML_COUNT = 200;
/** Far above any fixture's parse time: reaching it means a hang, not a slow machine. */
const HANG_MS = 60_000;

/** A small deterministic generator (mulberry32), so a failing case can be rebuilt from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string) => Buffer.from(text, 'latin1');

const PDF_MUTATIONS: Array<(pdf: string, rnd: () => number) => string> = [
  // Every stream's /Length off by some bytes (the late XRefEntryException of issue 11).
  (pdf, rnd) => pdf.replace(/\/Length (\d+)/g, (_m, n) => `/Length ${Math.max(0, Number(n) + Math.floor((rnd() - 0.5) * 400))}`),
  (pdf, rnd) => pdf.replace(/\/Length (\d+)/g, (m, n) => (rnd() < 0.5 ? m : `/Length ${Number(n) * 10 + 7}`)),
  // xref offsets pointing elsewhere.
  (pdf, rnd) => pdf.replace(/^(\d{10}) (\d{5}) n/gm, (m, _offset, gen) => (rnd() < 0.4 ? `${String(Math.floor(rnd() * pdf.length)).padStart(10, '0')} ${gen} n` : m)),
  (pdf, rnd) => pdf.slice(0, Math.floor(pdf.length * (0.2 + rnd() * 0.79))),
  (pdf, rnd) => {
    const chars = pdf.split('');
    for (let i = 0; i < 1 + rnd() * 40; i++) chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 256));
    return chars.join('');
  },
  (pdf, rnd) => pdf.replace(/endstream/g, (m) => (rnd() < 0.5 ? '' : m)),
  (pdf, rnd) => {
    const at = Math.floor(rnd() * pdf.length);
    const size = Math.floor(rnd() * 2000);
    return pdf.slice(0, at) + pdf.slice(at, at + size).repeat(1 + Math.floor(rnd() * 5)) + pdf.slice(at);
  },
  (pdf) => pdf.replace(/startxref\s+\d+/, 'startxref\n999999999'),
  (pdf) => pdf.replace(/\/Count (\d+)/g, '/Count 99999999'),
];

const HTML_MUTATIONS: Array<(html: string, rnd: () => number) => string> = [
  (html, rnd) => html.slice(0, Math.floor(html.length * rnd())),
  (html, rnd) => html.replace(/<\/(div|p|li|ul|table|tr|td|section|article)>/g, (m) => (rnd() < 0.6 ? '' : m)),
  (html, rnd) => html.replace('<body', `${'<div>'.repeat(200 + Math.floor(rnd() * 2000))}<body`),
  (html, rnd) => {
    const chars = html.split('');
    for (let i = 0; i < 1 + rnd() * 80; i++) chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 256));
    return chars.join('');
  },
  (html) => html.replace(/<meta[^>]*charset[^>]*>/i, '<meta charset="utf-16">'),
  (html, rnd) => html.replace(/<p>/, `<p>${'\u001b[2J\u001b]52;c;aGk=\u0007\u0000'.repeat(1 + Math.floor(rnd() * 50))}`),
  (html, rnd) => html.replace(/<a /g, (m) => (rnd() < 0.3 ? `<a title="${'x'.repeat(10_000)}" ` : m)),
  // A long page of one membership sentence over and over, the shape that grew superlinearly.
  (html, rnd) => html.replace(/<p>/, `<p>${'Die Stadt Mainz ist 2019 der Industriestädteallianz beigetreten. '.repeat(200 + Math.floor(rnd() * 800))}`),
  (html) => html.replace(/</g, '<<'),
  (html) => `<![CDATA[${html}<!--`,
];

async function bounded<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${what} did not finish within ${HANG_MS / 1000} s`)), HANG_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

interface Outcome {
  read: number;
  refused: number;
  crashes: string[];
}

async function tryDocument(body: Uint8Array, url: string, contentType: string, pool: PdfWorkerPool, outcome: Outcome): Promise<void> {
  try {
    const doc = await bounded(readDocument({ body, url, contentType, fetchedAt: new Date('2026-01-01T00:00:00Z') }, { pdfWorkers: pool }), url);
    extractClaims(doc.text, { gazetteer: testGazetteer(), published: doc.published, language: doc.language === 'en' ? 'en' : 'de', now: new Date('2026-01-01T00:00:00Z') });
    outcome.read++;
  } catch (error) {
    // Refusing bad input with a reason is the wanted outcome; anything else is a crash.
    if (error instanceof PipelineError && error.message.length > 0) outcome.refused++;
    else outcome.crashes.push(`${url}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

describe('mutated documents from the fixtures', () => {
  const pool = new PdfWorkerPool({ maxIdle: 2 });
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);
  process.on('unhandledRejection', onUnhandled);
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await pool.close();
  });

  it(`reads or refuses each of ${PDF_COUNT} mutated PDFs, and the pool keeps serving`, async () => {
    const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf') && !f.includes('encrypted') && !f.includes('html-served')).map((f) => latin1(readFileSync(new URL(f, FIXTURES))));
    expect(sources.length).toBeGreaterThanOrEqual(2);
    const outcome: Outcome = { read: 0, refused: 0, crashes: [] };
    for (let i = 0; i < PDF_COUNT; i++) {
      const rnd = random(i + 1);
      const source = sources[i % sources.length]!;
      const mutate = PDF_MUTATIONS[i % PDF_MUTATIONS.length]!;
      await tryDocument(bytesOf(mutate(source, rnd)), `fuzz://pdf/${i}.pdf`, 'application/pdf', pool, outcome);
    }
    expect(outcome.crashes).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(outcome.read + outcome.refused).toBe(PDF_COUNT);
    // The mutations are real: some PDFs must be refused, and pdf.js repairs others.
    expect(outcome.refused).toBeGreaterThan(0);
    expect(outcome.read).toBeGreaterThan(0);
    const after = await readDocument({ body: readFileSync(new URL('press-release.pdf', FIXTURES)), url: 'fuzz://pdf/after.pdf', contentType: 'application/pdf', fetchedAt: new Date() }, { pdfWorkers: pool });
    expect(after.text.length).toBeGreaterThan(100);
  }, 600_000);

  it(`reads or refuses each of ${HTML_COUNT} mutated HTML pages`, async () => {
    const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => latin1(readFileSync(new URL(f, FIXTURES))));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    const outcome: Outcome = { read: 0, refused: 0, crashes: [] };
    for (let i = 0; i < HTML_COUNT; i++) {
      const rnd = random(10_000 + i);
      const source = sources[i % sources.length]!;
      const mutate = HTML_MUTATIONS[i % HTML_MUTATIONS.length]!;
      await tryDocument(bytesOf(mutate(source, rnd)), `fuzz://html/${i}.html`, 'text/html', pool, outcome);
    }
    expect(outcome.crashes).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(outcome.read + outcome.refused).toBe(HTML_COUNT);
    expect(outcome.read).toBeGreaterThan(0);
  }, 600_000);
});
