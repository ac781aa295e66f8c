/**
 * How well the reconciler finds what a careful reader flags inside one document: each gold file's
 * `flags` against the flags the reconcile rules raise over that document's extracted claims alone.
 * Flags that need other documents (a founding member that joined later) cannot be raised from one
 * document and are not in the gold per document; `explained` findings (membership growth) are
 * context, not flags, and are left out.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceSchema } from '../../core/source-config.ts';
import { migrate, openDatabase } from '../../sql/database.ts';
import { upsertSource } from '../../sql/queries/sources.ts';
import { InProcessStageRunner } from '../run/run-stage.ts';
import { runPipeline } from '../run/run-pipeline.ts';
import type { Extraction } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../sql/queries/claims.ts';
import { checkSubjects, groupBySubject } from '../reconcile/reconcile.ts';
import { findGoldDocument, listGoldNames } from './evaluate-gold.ts';
import { readGoldFile } from './gold-file.ts';

/** Gold names for the same finding, written before the reconciler named its kinds. */
const KIND_ALIASES: Record<string, string> = { count_sum_mismatch: 'count_sum_conflict' };

export interface FlagScore {
  set: string;
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

/** Scores the reconciler per set; `extractions` maps each gold document's path to its extraction. */
export async function evaluateFlags(setDirs: readonly string[], extractions: ReadonlyMap<string, Extraction>, gazetteer: Gazetteer): Promise<FlagScore[]> {
  const scores: FlagScore[] = [];
  for (const setDir of setDirs) {
    const score: FlagScore = { set: basename(setDir), tp: 0, fp: 0, fn: 0, misses: [], extras: [] };
    for (const name of await listGoldNames(setDir)) {
      const file = findGoldDocument(setDir, name);
      const extraction = file ? extractions.get(file) : undefined;
      if (!extraction) continue;
      const gold = await readGoldFile(join(setDir, `${name}.json`));
      const wanted = gold.flags.map((f) => KIND_ALIASES[f.kind] ?? f.kind);
      const raised = documentFlags(extraction, gazetteer);
      for (const kind of wanted) {
        const at = raised.indexOf(kind);
        if (at >= 0) {
          score.tp++;
          raised.splice(at, 1);
        } else {
          score.fn++;
          score.misses.push(`${name}: ${kind}`);
        }
      }
      score.fp += raised.length;
      score.extras.push(...raised.map((kind) => `${name}: ${kind}`));
    }
    scores.push(score);
  }
  return scores;
}

/** The kinds of the open flags the rules raise over one document's claims. */
export function documentFlags(extraction: Extraction, gazetteer: Gazetteer): string[] {
  const claims: ClaimWithSource[] = extraction.claims.map((claim, i) => ({
    id: String(i + 1),
    versionId: '1',
    documentId: '1',
    claim,
    extractorVersion: 'eval',
    url: extraction.document.source,
    finalUrl: extraction.document.source,
    fetchedAt: new Date(0),
    published: extraction.document.published,
    title: extraction.document.title,
  }));
  return checkSubjects(groupBySubject(claims), gazetteer, claims.filter((c) => c.claim.kind === 'city_attribute')).drafts
    .filter((flag) => flag.initialStatus !== 'explained')
    .map((flag) => flag.kind);
}

// ——— The reconciler on the real corpora, crawled through the served site ———

/** One expected finding (or look-alike) of a corpus, written from its INDEX.md by document id and value. */
export interface FlagExpectation {
  id: string;
  about: string;
  /** Documents (NNN) the finding spans. */
  documents: string[];
  /** Documents a matching flag must cite. */
  required?: string[];
  /** How many of `documents` a matching flag must cite. @defaultValue min(2, documents.length) */
  minDocuments?: number;
  /** Values a matching flag's claims (or its subject) must contain: counts, populations, names. */
  values?: Array<number | string>;
  /** Values a matching flag must not cite (a look-alike series without the conflicting point). */
  notValues?: Array<number | string>;
  /** Flag kinds that answer to it. @defaultValue any */
  kinds?: string[];
  /** `outside`: the other side is a fact beyond the documents or no claim kind holds it. */
  reach?: 'claims' | 'outside';
  why?: string;
}

export interface CorpusExpectations {
  corpus: string;
  conflicts: FlagExpectation[];
  /** Findings within one document that INDEX.md notes: neither required nor noise. */
  accepted: FlagExpectation[];
  lookalikes: FlagExpectation[];
}

/** A raised flag as the evaluation sees it: kind, status, cited documents and values. */
export interface RaisedFlag {
  id: string;
  kind: string;
  status: string;
  subject: string;
  explanation: string;
  documents: string[];
  values: Array<number | string>;
}

export interface CorpusFlagScore {
  corpus: string;
  documents: number;
  claims: number;
  listed: number;
  flagged: string[];
  missed: string[];
  /** Listed conflicts that claims can express at all (not `outside`), and how many of them were flagged. */
  reachable: number;
  reachableFlagged: number;
  lookalikesFlagged: string[];
  open: number;
  unlisted: Array<Pick<RaisedFlag, 'kind' | 'explanation' | 'documents'>>;
  /** Blind documents (NNN divisible by 3) kept apart: conflicts that involve one, and how many were flagged. */
  blind: { listed: number; flagged: number };
  seen: { listed: number; flagged: number };
}

export function defaultExpectationsPath(corpus: string): string {
  return fileURLToPath(new URL(`./flag-expectations/${corpus}.json`, import.meta.url));
}

export async function loadExpectations(path: string): Promise<CorpusExpectations> {
  return JSON.parse(await readFile(path, 'utf8')) as CorpusExpectations;
}

const isBlind = (id: string) => Number(id) % 3 === 0;

/** Whether a flag answers to an expectation: kind, documents cited, values. */
export function flagMatches(flag: RaisedFlag, expectation: FlagExpectation): boolean {
  if (expectation.kinds && !expectation.kinds.includes(flag.kind)) return false;
  const cited = expectation.documents.filter((d) => flag.documents.includes(d));
  if (cited.length < (expectation.minDocuments ?? Math.min(2, expectation.documents.length))) return false;
  if (expectation.required && !expectation.required.every((d) => flag.documents.includes(d))) return false;
  const has = (v: number | string) => flag.values.some((x) => (typeof v === 'number' ? x === v : typeof x === 'string' && x.toLowerCase().includes(v.toLowerCase())));
  if (expectation.values && !expectation.values.every(has)) return false;
  if (expectation.notValues && expectation.notValues.some(has)) return false;
  return true;
}

/** Scores the flags raised over one corpus against its expectations. */
export function scoreCorpusFlags(corpus: string, expectations: CorpusExpectations, flags: RaisedFlag[], counts: { documents: number; claims: number }): CorpusFlagScore {
  const open = flags.filter((f) => f.status === 'open');
  const answered = new Set<string>();
  const flagged: string[] = [];
  const missed: string[] = [];
  for (const conflict of expectations.conflicts) {
    // A conflict is found when an open flag answers it (an explained one would tell the reviewer not to act).
    const matching = open.filter((f) => flagMatches(f, conflict));
    matching.forEach((f) => answered.add(f.id));
    (matching.length ? flagged : missed).push(conflict.id);
  }
  for (const accepted of expectations.accepted) for (const f of open) if (flagMatches(f, accepted)) answered.add(f.id);
  const lookalikesFlagged = expectations.lookalikes.filter((l) => open.some((f) => !answered.has(f.id) && flagMatches(f, l))).map((l) => l.id);
  const part = (blind: boolean) => {
    const conflicts = expectations.conflicts.filter((c) => c.documents.some(isBlind) === blind);
    return { listed: conflicts.length, flagged: conflicts.filter((c) => flagged.includes(c.id)).length };
  };
  const reachable = expectations.conflicts.filter((c) => c.reach !== 'outside');
  return {
    corpus, ...counts,
    listed: expectations.conflicts.length, flagged, missed,
    reachable: reachable.length, reachableFlagged: reachable.filter((c) => flagged.includes(c.id)).length,
    lookalikesFlagged,
    open: open.length,
    unlisted: open.filter((f) => !answered.has(f.id)).map((f) => ({ kind: f.kind, explanation: f.explanation, documents: f.documents })),
    blind: part(true), seen: part(false),
  };
}

export interface CorpusFlagRunOptions {
  /** `../shared/corpus/NAME`. */
  corpusDir: string;
  corpus: string;
  gazetteer: Gazetteer;
  extractorVersion: string;
  /** `../shared/tools/serve-corpus.mjs`. */
  serveScript: string;
}

/**
 * Serves the corpus as a press site on loopback, crawls it with `isa run`'s pipeline into a fresh
 * in-memory database (a source with allowPrivate), and returns the flags with their documents.
 */
export async function crawlCorpusFlags(options: CorpusFlagRunOptions): Promise<{ flags: RaisedFlag[]; documents: number; claims: number }> {
  const port = await freeLoopbackPort();
  const server = spawn(process.execPath, [options.serveScript, options.corpusDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const paths = await new Promise<Record<string, string>>((resolve, reject) => {
      let buffer = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const line = buffer.split('\n')[0];
        if (buffer.includes('\n') && line) {
          try {
            resolve(JSON.parse(line) as Record<string, string>);
          } catch (error) {
            reject(error);
          }
        }
      });
      server.once('exit', (code) => reject(new Error(`${options.serveScript} exited with ${code} before listening`)));
    });
    const byPath = new Map(Object.entries(paths).map(([id, path]) => [path.replace(/\/+$/, ''), id]));
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const migrated = await migrate(database.db);
      if (migrated.error) throw migrated.error;
      const source = sourceSchema.parse({
        id: `corpus-${options.corpus}`, name: `served corpus ${options.corpus}`, organisation: 'evaluation',
        startUrls: [{ url: `http://127.0.0.1:${port}/listing/`, type: 'listing' }], follow: ['/h/*'], maxPages: 500, allowPrivate: true,
      });
      await upsertSource(database.db, source);
      const runner = new InProcessStageRunner({ db: database.db, gazetteer: options.gazetteer, extractorVersion: options.extractorVersion, crawlOptions: { hostDelayMs: 0, retryBaseDelayMs: 50 } });
      const report = await runPipeline({ db: database.db, runner, extractorVersion: options.extractorVersion }, { sourceIds: [source.id], kind: 'eval-flags' });
      const rows = await database.db
        .selectFrom('flags as f')
        .leftJoin('flag_claims as fc', 'fc.flag_id', 'f.id')
        .leftJoin('claims as c', 'c.id', 'fc.claim_id')
        .leftJoin('document_versions as v', 'v.id', 'c.version_id')
        .select(['f.id', 'f.kind', 'f.status', 'f.subject', 'f.explanation', 'c.payload', 'v.url'])
        .where('f.status', 'in', ['open', 'explained'])
        .orderBy('f.id')
        .execute();
      const flags = new Map<string, RaisedFlag>();
      for (const row of rows) {
        const flag = flags.get(row.id) ?? { id: row.id, kind: row.kind, status: row.status, subject: row.subject ?? '', explanation: row.explanation, documents: [], values: row.subject ? [row.subject] : [] };
        flags.set(row.id, flag);
        if (row.url) {
          const id = byPath.get(decodeURIComponent(new URL(row.url).pathname).replace(/\/+$/, ''));
          if (id && !flag.documents.includes(id)) flag.documents.push(id);
        }
        if (row.payload) flag.values.push(...payloadValues(row.payload as Record<string, unknown>));
      }
      const claims = await database.db.selectFrom('claims').select(database.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return { flags: [...flags.values()], documents: report.documents.new + report.documents.changed + report.documents.unchanged, claims: Number(claims.n) };
    } finally {
      await database.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

function payloadValues(payload: Record<string, unknown>): Array<number | string> {
  const values: Array<number | string> = [];
  for (const key of ['count', 'value', 'since', 'date', 'asOf', 'statedCount', 'city', 'subject', 'relation']) {
    const v = payload[key];
    if (typeof v === 'number' || typeof v === 'string') values.push(v);
  }
  if (Array.isArray(payload.cities)) values.push(...(payload.cities as string[]));
  if (Array.isArray(payload.members)) for (const m of payload.members as Array<{ name?: string; raw?: string }>) values.push(...[m.name, m.raw].filter((x): x is string => !!x));
  return values;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Floors of the flags evaluation per corpus, pinned in flag-floors.json. */
export interface FlagFloors {
  [corpus: string]: { listedMin: number; lookalikesMax: number; unlistedMax: number };
}

export function defaultFlagFloorsPath(): string {
  return fileURLToPath(new URL('./flag-floors.json', import.meta.url));
}

/** The floors a score misses, each as one line naming the corpus, the figure and the floor. */
export function checkFlagFloors(score: CorpusFlagScore, floors: FlagFloors): string[] {
  const floor = floors[score.corpus];
  if (!floor) return [`no flag floors pinned for corpus ${score.corpus} in flag-floors.json`];
  const failures: string[] = [];
  const listedShare = score.listed ? score.flagged.length / score.listed : 1;
  const unlistedShare = score.open ? score.unlisted.length / score.open : 0;
  if (listedShare + 1e-9 < floor.listedMin) failures.push(`${score.corpus}: ${(100 * listedShare).toFixed(1)} % of listed conflicts flagged, floor ${(100 * floor.listedMin).toFixed(1)} %`);
  if (score.lookalikesFlagged.length > floor.lookalikesMax) failures.push(`${score.corpus}: ${score.lookalikesFlagged.length} look-alike(s) flagged (${score.lookalikesFlagged.join(', ')}), at most ${floor.lookalikesMax}`);
  if (unlistedShare > floor.unlistedMax + 1e-9) failures.push(`${score.corpus}: ${(100 * unlistedShare).toFixed(1)} % of open flags answer no listed conflict, at most ${(100 * floor.unlistedMax).toFixed(1)} %`);
  return failures;
}

export function formatCorpusFlagScore(score: CorpusFlagScore): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
  const lines = [
    `${score.corpus}: ${score.documents} documents, ${score.claims} claims, ${score.open} open flags`,
    `  listed conflicts flagged: ${score.flagged.length} of ${score.listed} (${pct(score.flagged.length, score.listed)}); of the ${score.reachable} that claims can express: ${score.reachableFlagged} (${pct(score.reachableFlagged, score.reachable)})`,
    `  seen: ${score.seen.flagged} of ${score.seen.listed}; involving blind documents: ${score.blind.flagged} of ${score.blind.listed}`,
    `  look-alikes flagged: ${score.lookalikesFlagged.length}${score.lookalikesFlagged.length ? ` (${score.lookalikesFlagged.join(', ')})` : ''}`,
    `  open flags answering no listed conflict: ${score.unlisted.length} of ${score.open} (${pct(score.unlisted.length, score.open)})`,
    `  flagged: ${score.flagged.join(', ') || '-'}; missed: ${score.missed.join(', ') || '-'}`,
  ];
  // Kinds only: the explanations quote documents, some of them blind.
  for (const u of score.unlisted) lines.push(`    unlisted ${u.kind} (documents ${u.documents.map((d) => (isBlind(d) ? 'blind' : d)).join(', ')})`);
  return lines.join('\n');
}
