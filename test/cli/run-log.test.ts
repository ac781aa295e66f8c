import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RunLog } from '../../cli/run-log.ts';
import type { RunEvent } from '../../pipelines/run/run-progress.ts';
import type { CrawlItem } from '../../pipelines/crawl/crawl-session.ts';

/** A stream that keeps every write, as a terminal (isTTY, columns) or as a pipe. */
function captureStream(tty: boolean, columns = 100) {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY: tty, columns });
  return { stream, writes, text: () => writes.join('') };
}

/** A clock the test moves by hand. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const item = (url: string, outcome: CrawlItem['outcome'], reason: string | null = null): CrawlItem => ({ url, kind: 'document', outcome, reason, versionId: null, stage: outcome === 'failed' ? 'fetch' : null });
const documents = (counts: Partial<Record<CrawlItem['outcome'], number>>) => ({ new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0, ...counts });

/** A small crawl of one source as runPipeline tells it, the clock moving 1 s between events. */
function crawlEvents(): RunEvent[] {
  return [
    { type: 'run-started', runId: '7', mode: 'in-process', sources: ['mainz'] },
    { type: 'crawl-started', source: 'mainz' },
    { type: 'crawl', source: 'mainz', event: { type: 'queued', count: 3 } },
    { type: 'crawl', source: 'mainz', event: { type: 'page-done', url: 'https://example.org/presse' } },
    { type: 'crawl', source: 'mainz', event: { type: 'settled', item: item('https://example.org/a', 'new') } },
    { type: 'crawl', source: 'mainz', event: { type: 'page-done', url: 'https://example.org/a' } },
    { type: 'crawl', source: 'mainz', event: { type: 'error', url: 'https://example.org/b', reason: 'HTTP 500' } },
    // Crawled text with escape sequences: a clipboard write and a clear-screen must not reach the terminal.
    { type: 'crawl', source: 'mainz', event: { type: 'settled', item: item('https://example.org/b\x1b]52;c;aGk=\x07\x1b[2J', 'failed', 'HTTP 500') } },
    { type: 'crawl', source: 'mainz', event: { type: 'page-done', url: 'https://example.org/b' } },
    { type: 'crawl-finished', source: 'mainz', status: 'succeeded', documents: documents({ new: 1, failed: 1 }), pages: 3, errors: 1, failure: null },
    { type: 'extract-started', total: 2 },
    { type: 'extracted', versionId: '1', outcome: 'extracted', claims: 4 },
    { type: 'extracted', versionId: '2', outcome: 'skipped', claims: 0 },
    { type: 'extract-finished' },
    { type: 'reconcile-started' },
    { type: 'reconcile-finished', subjects: 3, claims: 4, flags: 1, failure: null },
    { type: 'run-finished', status: 'partial', errors: 1 },
  ];
}

function play(log: RunLog, time: ReturnType<typeof clock>, events: RunEvent[]): void {
  for (const event of events) {
    time.advance(1000);
    log.event(event);
  }
}

describe('the run log on a terminal', () => {
  it('redraws one status line in place with a carriage return, prints lines above it, and clears it at the end', () => {
    const out = captureStream(true, 100);
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'text', verbose: true, now: time.now });
    play(log, time, crawlEvents().slice(0, 6));
    // The status line: drawn from the line's start, cleared to its end, never a newline of its own.
    const draws = out.writes.filter((w) => w.startsWith('\r') && w !== '\r\x1b[K');
    expect(draws.length).toBeGreaterThan(1);
    for (const draw of draws) {
      expect(draw).toMatch(/^\r[^\r\n]*\x1b\[K$/);
      expect(draw.length - '\r\x1b[K'.length).toBeLessThanOrEqual(99);
    }
    expect(draws.at(-1)).toContain('crawl [');
    expect(draws.at(-1)).toMatch(/2\/3 pages/);
    expect(draws.at(-1)).toContain('mainz');

    play(log, time, crawlEvents().slice(6));
    log.close();
    const text = out.text();
    // A line printed while the status line is up clears it first, then the status comes back.
    const urlLine = out.writes.findIndex((w) => w.includes('new       https://example.org/a'));
    expect(out.writes[urlLine - 1]).toBe('\r\x1b[K');
    expect(out.writes[urlLine + 1]).toMatch(/^\rcrawl \[/);
    expect(text).toContain('crawl mainz: 2 documents — new 1, changed 0, unchanged 0, gone 0, skipped 0, failed 1; 3 pages');
    expect(text).toContain('extracted 1 version, 4 claims (1 already extracted)');
    expect(text).toContain('reconciled 3 subjects (4 claims): 1 flag');
    // The crawled URL's escape sequences are gone; only the status line's own codes remain.
    expect(text).not.toContain('\x1b]52');
    expect(text).not.toContain('\x1b[2J');
    expect(text.replaceAll('\r\x1b[K', '').replace(/\x1b\[K/g, '')).not.toMatch(/\x1b/);
    // The end: the status line cleared, nothing after it.
    expect(out.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('truncates the status line to the terminal width', () => {
    const out = captureStream(true, 40);
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'text', now: time.now });
    play(log, time, crawlEvents().slice(0, 4));
    log.close();
    for (const draw of out.writes.filter((w) => w.startsWith('\r') && w !== '\r\x1b[K')) expect(draw.length - '\r\x1b[K'.length).toBeLessThanOrEqual(39);
  });
});

describe('the run log on a terminal that reports no width', () => {
  it('draws the line 79 characters wide at most, not cut to nothing', () => {
    const out = captureStream(true, 0);
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'text', now: time.now });
    play(log, time, crawlEvents().slice(0, 6));
    log.close();
    const draws = out.writes.filter((w) => w.startsWith('\r') && w !== '\r\x1b[K');
    expect(draws.at(-1)).toMatch(/pages \(mainz 2\/3\)/);
    for (const draw of draws) expect(draw.length - '\r\x1b[K'.length).toBeLessThanOrEqual(79);
  });
});

describe('the run log elsewhere (cron, a pipe)', () => {
  it('writes plain lines without escape codes: each source\'s end, and the state of the work every interval', () => {
    const out = captureStream(false);
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'text', now: time.now, everyMs: 2500 });
    play(log, time, crawlEvents());
    log.close();
    const text = out.text();
    expect(text).not.toMatch(/[\r\x1b]/);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('crawl mainz');
    // 1 s per event, a line at most every 2.5 s: the crawl's state at 3, 6 and 9 s, before it ended at 10 s.
    expect(lines.filter((l) => l.includes('so far'))).toEqual([
      'crawl mainz: 0 documents so far, 0 pages, 3 queued, 0 pages/s, 0 errors',
      'crawl mainz: 1 document so far (new 1), 2 pages, 1 queued, 0.5 pages/s, 0 errors',
      'crawl mainz: 2 documents so far (new 1, failed 1), 3 pages, 0 queued, 0.4 pages/s, 1 error',
    ]);
    expect(lines).toContain('crawl mainz: 2 documents — new 1, changed 0, unchanged 0, gone 0, skipped 0, failed 1; 3 pages in 8 s (0.4 pages/s), 1 error');
    // Without --verbose, no URL lines.
    expect(text).not.toContain('https://example.org/a');
  });

  it('writes one JSON object per line with ts, level, event and the counts', () => {
    const out = captureStream(true); // JSON is never drawn in place, even on a terminal
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'json', verbose: true, now: time.now, everyMs: 0 });
    log.warn('port 4646 is taken', { event: 'fixtures' });
    play(log, time, crawlEvents());
    log.close();
    const text = out.text();
    expect(text).not.toContain('\r');
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) {
      expect(typeof line.ts).toBe('string');
      expect(['info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.event).toBe('string');
    }
    expect(lines[0]).toMatchObject({ level: 'warn', event: 'fixtures', message: 'port 4646 is taken' });
    const urls = lines.filter((l) => l.event === 'url');
    expect(urls.map((l) => l.outcome)).toEqual(['new', 'failed']);
    expect(urls[1]).toMatchObject({ level: 'warn', source: 'mainz', reason: 'HTTP 500', stage: 'fetch' });
    // The crawled URL keeps its value as JSON, its control characters escaped, never raw.
    expect(text).not.toMatch(/\x1b/);
    expect(lines.find((l) => l.event === 'crawl-done')).toMatchObject({ source: 'mainz', status: 'succeeded', total: 2, pages: 3, errors: 1, documents: documents({ new: 1, failed: 1 }) });
    const progress = lines.filter((l) => l.event === 'crawl-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ source: 'mainz', done: 2, pages: 3, queued: 0, errors: 1 });
    expect(lines.find((l) => l.event === 'extract-done')).toMatchObject({ versions: 1, claims: 4, skipped: 1, failed: 0, total: 2 });
    expect(lines.find((l) => l.event === 'reconcile-done')).toMatchObject({ subjects: 3, claims: 4, flags: 1 });
    expect(lines.at(-1)).toMatchObject({ event: 'run-done', runId: '7', status: 'partial', level: 'warn' });
  });

  it('reports jobs done, active and queued in distributed mode', () => {
    const out = captureStream(false);
    const time = clock();
    const log = new RunLog({ stream: out.stream, format: 'json', now: time.now, everyMs: 0 });
    play(log, time, [
      { type: 'run-started', runId: '8', mode: 'queue', sources: ['a', 'b'] },
      { type: 'crawl-started', source: 'a' },
      { type: 'job', job: 'crawl-8-a', state: 'queued' },
      { type: 'job', job: 'crawl-8-b', state: 'queued' },
      { type: 'job', job: 'crawl-8-a', state: 'active' },
      { type: 'crawl-tally', source: 'a', tally: { documents: documents({ unchanged: 5 }), pages: 6, queued: 4, errors: 0 } },
    ]);
    log.close();
    const lines = out.text().trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.event === 'jobs').at(-1)).toMatchObject({ queued: 1, active: 1, done: 0, failed: 0 });
    expect(lines.filter((l) => l.event === 'crawl-progress').at(-1)).toMatchObject({ source: 'a', done: 5, pages: 6, queued: 4 });
  });
});
