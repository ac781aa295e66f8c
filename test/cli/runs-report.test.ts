import { describe, expect, it } from 'vitest';
import { formatRunDetail, formatRunsTable, type RunRow } from '../../cli/runs-report.ts';

const run = (id: string, documents: Record<string, number>, status = 'partial'): RunRow => ({
  id,
  kind: 'run',
  status,
  started_at: new Date('2026-12-01T02:00:00Z'),
  finished_at: new Date('2026-12-01T02:03:30Z'),
  counts: { documents, extracted: { versions: 3, claims: 17 }, errors: 1 },
  errors: '1',
});

describe('isa runs as a table', () => {
  it('has one aligned row per run whose document columns add up to DOCS', () => {
    const table = formatRunsTable([run('12', { new: 2, changed: 1, unchanged: 30, gone: 1, skipped: 4, failed: 1 }), run('11', { new: 39 }, 'succeeded')]);
    const [header, first, second] = table.split('\n');
    expect(header).toMatch(/^RUN\s+KIND\s+STATUS\s+STARTED \(UTC\)\s+TOOK\s+DOCS\s+NEW\s+CHANGED\s+UNCHANGED\s+GONE\s+SKIPPED\s+FAILED\s+CLAIMS\s+ERRORS$/);
    expect(first).toMatch(/^#12\s+run\s+partial\s+2026-12-01 02:00\s+4 min\s+39\s+2\s+1\s+30\s+1\s+4\s+1\s+17\s+1$/);
    expect(second).toMatch(/^#11\s+run\s+succeeded\s.*\s39\s+39\s+0\s+0\s+0\s+0\s+0\s+17\s+1$/);
    expect(first!.length).toBe(header!.length);
  });

  it('reads runs stored before counts had every field', () => {
    expect(formatRunsTable([{ ...run('3', {}), counts: '{}', finished_at: null }])).toMatch(/#3\s+run\s+partial\s+\S+ \S+\s+running\s+0\s+0/);
  });
});

describe('isa runs ID', () => {
  it('lists every URL by outcome with skip and failure reasons, unchanged ones only counted', () => {
    const text = formatRunDetail(
      run('12', { new: 1, changed: 1, unchanged: 1, gone: 1, skipped: 1, failed: 1 }),
      [
        { url: 'https://a.example/neu', source_id: 'a', outcome: 'new', reason: null },
        { url: 'https://a.example/anders', source_id: 'a', outcome: 'changed', reason: null },
        { url: 'https://a.example/gleich', source_id: 'a', outcome: 'unchanged', reason: null },
        { url: 'https://a.example/weg', source_id: 'a', outcome: 'gone', reason: null },
        { url: 'https://a.example/privat', source_id: 'a', outcome: 'skipped', reason: 'disallowed by robots.txt' },
        { url: 'https://a.example/kaputt.pdf', source_id: 'a', outcome: 'failed', reason: 'BadInputError: not a PDF' },
      ],
      [{ stage: 'parse', url: 'https://a.example/kaputt.pdf', error_class: 'BadInputError', message: 'not a PDF' }],
    );
    expect(text).toContain('documents: 6 — new 1, changed 1, unchanged 1, gone 1, skipped 1, failed 1');
    expect(text).toMatch(/new \(1\):\n  https:\/\/a\.example\/neu/);
    expect(text).toMatch(/gone \(1\):\n  https:\/\/a\.example\/weg/);
    expect(text).toContain('https://a.example/privat — disallowed by robots.txt');
    expect(text).toContain('https://a.example/kaputt.pdf — BadInputError: not a PDF');
    expect(text).not.toContain('/gleich');
    expect(text).toContain('[parse] https://a.example/kaputt.pdf BadInputError: not a PDF');
  });
});
