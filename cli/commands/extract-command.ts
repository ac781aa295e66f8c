import { crawlOverrides, loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { extractDocument } from '../../pipelines/extract/extract-document.ts';
import { loadGazetteer } from '../../extractors/gazetteer/load-gazetteer.ts';
import type { Claim, Extraction } from '../../core/claim.ts';
import type { Fetcher } from '../../pipelines/crawl/fetcher.ts';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract claims from one file or URL (.html, .pdf, .txt); no database needed',
  arguments: '<FILE|URL>',
  help: `Parses the document (main text without page chrome; PDF text without repeated blocks) and prints its claims
in the shape of CLAIMS.md: {"document": {...}, "claims": [...]}. Every claim's evidence offsets point into
document.text.

Exit codes: 0 done, 1 the input could not be read or parsed (the message says why), 2 usage.`,
  options: {
    format: { type: 'string', default: 'json', choices: ['json', 'text'], description: 'json (the CLAIMS.md shape) or text (one line per claim)' },
    'allow-private': { type: 'boolean', default: false, description: 'allow a URL on loopback or a private network (refused by default: SSRF guard)' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE or URL');
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const config = loadConfig(io.env);
    const source = positionals[0] as string;
    // A file needs neither the HTTP client nor the crawl options (nor the database module behind cli/services): a faster start.
    let fetcher: Fetcher | undefined;
    if (/^https?:\/\//i.test(source)) {
      const [{ createHttpFetcher }, { resolveCrawlOptions }] = await Promise.all([import('../../pipelines/crawl/fetcher.ts'), import('../../pipelines/crawl/crawl-options.ts')]);
      fetcher = createHttpFetcher(resolveCrawlOptions(crawlOverrides(config)));
    }
    try {
      const extraction = await extractDocument(
        { gazetteer: loadGazetteer(), ...(fetcher ? { fetcher } : {}) },
        { source, allowPrivate: Boolean(values['allow-private']), now: new Date() },
      );
      print(io.stdout, format === 'json' ? JSON.stringify(extraction, null, 2) : formatExtraction(extraction));
      return EXIT.ok;
    } finally {
      fetcher?.close?.();
    }
  },
};

function formatExtraction({ document, claims }: Extraction): string {
  const lines = [
    `${document.source}`,
    `  title: ${document.title ?? '—'}   published: ${document.published ?? '—'}   language: ${document.language}   ${document.text.length} chars`,
    `  ${claims.length} claims`,
  ];
  for (const claim of claims) lines.push(`  ${claim.kind.padEnd(17)} ${describeClaim(claim)}\n${' '.repeat(20)}“${claim.evidence.quote}”`);
  return lines.join('\n');
}

export function describeClaim(claim: Claim): string {
  switch (claim.kind) {
    case 'member_count':
      return `${claim.subject} ${claim.country ?? '—'} ${claim.qualifier === 'exact' ? '' : `${claim.qualifier} `}${claim.count} ${claim.unit} (${claim.scope}${claim.asOf ? `, ${claim.asOf}` : ''})`;
    case 'member_list':
      return `${claim.subject} ${claim.country ?? '—'} ${claim.scope}: ${claim.members.map((m) => (m.resolved ? m.name : `${m.raw}?${m.suggestion ? `→${m.suggestion}` : ''}`)).join(', ')}${claim.statedCount === null ? '' : ` (stated ${claim.statedCount})`}`;
    case 'membership_event':
      return `${claim.city} ${claim.event} ${claim.subject}${claim.date ? ` ${claim.date}` : ''}`;
    case 'partnership':
      return `${claim.cities.join(' – ')} ${claim.relation}${claim.since ? ` since ${claim.since}` : ''}`;
    case 'city_attribute':
      return `${claim.city} ${claim.attribute} = ${claim.qualifier && claim.qualifier !== 'exact' ? `${claim.qualifier} ` : ''}${claim.value}`;
    case 'event':
      return `${claim.type} ${claim.subject}${claim.ordinal ? ` #${claim.ordinal}` : ''}${claim.date ? ` ${claim.date}` : ''}${claim.place ? ` in ${claim.place}` : ''}`;
  }
}
