import { describe, expect, it } from 'vitest';
import { html, safeHref } from '../../web/html.ts';
import { highlightText, paragraphAround } from '../../web/views/highlight-text.ts';
import { serialiseRows, type Column } from '../../web/dataset/serialise-rows.ts';
import { isLoopback } from '../../cli/commands/serve-command.ts';
import { runCli } from '../cli/run-cli.ts';

describe('html', () => {
  it('escapes every interpolated string, in text and attributes, but not nested html', () => {
    const crawled = `<script>alert("x")</script><img src=x onerror='y'>`;
    const out = html`<p title="${crawled}">${crawled}${html`<b>ok</b>`}${[1, null, false, 'a&b']}</p>`.value;
    expect(out).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;<b>ok</b>1a&amp;b</p>');
  });

  it('lets only http(s) URLs into an href', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' JavaScript:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,<script>')).toBe('#');
    expect(safeHref('https://www.example.org/a?b=1')).toBe('https://www.example.org/a?b=1');
  });
});

describe('highlightText', () => {
  it('marks overlapping spans without crossing tags and escapes the text between', () => {
    const text = 'Köln <b> und Mainz traten bei';
    // claim 1: "Köln <b> und", claim 2: "und Mainz"
    const out = highlightText(text, [{ start: 0, end: 12, id: 'claim-1' }, { start: 9, end: 18, id: 'claim-2' }]).value;
    expect(out).toBe('<span class="anchor" id="claim-1"></span><mark class="claim">Köln &lt;b&gt; </mark><span class="anchor" id="claim-2"></span><mark class="claim">und</mark><mark class="claim"> Mainz</mark> traten bei');
  });

  it('cuts the paragraph around a quote at blank lines', () => {
    const text = 'Erster Absatz.\n\nZweiter Absatz mit Zitat darin.\n\nDritter.';
    const start = text.indexOf('Zitat');
    expect(paragraphAround(text, start, start + 5)).toMatchObject({ text: 'Zweiter Absatz mit Zitat darin.', offset: 16 });
  });
});

describe('serialiseRows', () => {
  const columns: Column<{ a: string; n: number | null }>[] = [
    { key: 'a', label: 'A', value: (r) => r.a },
    { key: 'n', label: 'N', value: (r) => r.n },
  ];
  const rows = [{ a: 'Köln, "Domstadt"', n: 1 }, { a: '=HYPERLINK("http://x")', n: null }];

  it('writes RFC 4180 CSV and defuses formulas from crawled text', () => {
    expect(serialiseRows(columns, rows, 'csv')).toBe('a,n\r\n"Köln, ""Domstadt""",1\r\n"\'=HYPERLINK(""http://x"")",\r\n');
  });

  it('writes JSON and NDJSON with the same keys', () => {
    expect(JSON.parse(serialiseRows(columns, rows, 'json'))).toEqual([{ a: 'Köln, "Domstadt"', n: 1 }, { a: '=HYPERLINK("http://x")', n: null }]);
    expect(serialiseRows(columns, rows, 'ndjson').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toHaveLength(2);
  });
});

describe('isa serve', () => {
  it('binds loopback only unless --allow-remote is given', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    const refused = await runCli(['serve', '--host', '0.0.0.0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--allow-remote');
  });
});
