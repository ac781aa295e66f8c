/**
 * A generated press site for the crawl benches: paginated listings and releases of real size
 * (~50 KB of markup, like a municipal CMS page with navigation, teasers and footer), varied
 * cities and numbers, and optionally PDFs. Served from a child process so the server's CPU is
 * never counted as the crawler's. Everything is generated from a seed: no corpus text is copied.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface SiteOptions {
  /** HTML releases. */
  pages: number;
  /** PDF releases among them (every k-th release is a PDF). @defaultValue 0 */
  pdfs?: number;
  /** Markup bytes per HTML release, roughly. @defaultValue 50000 */
  pageBytes?: number;
}

export const PER_LISTING = 50;

const CITIES_DE = ['Duisburg', 'Mainz', 'Köln', 'Jena', 'Ingolstadt', 'Bochum', 'Kassel', 'Erfurt', 'Wuppertal', 'Chemnitz', 'Darmstadt', 'Halle (Saale)', 'Würzburg', 'Ulm', 'Magdeburg'];
const CITIES_CN = ['Wuhan', 'Shenyang', 'Foshan', 'Wuhu', 'Xiangyang', 'Taicang', 'Jinan', 'Hefei', 'Changzhou', 'Zibo', 'Nantong', 'Yangzhou', 'Luoyang', 'Dalian', 'Qingdao'];
const TOPICS = ['Wasserstoff', 'Ausbildung', 'Logistik', 'Maschinenbau', 'Kreislaufwirtschaft', 'Gesundheitswirtschaft', 'Stadtentwicklung', 'Digitalisierung'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** The text paragraphs of release n: invented sentences with cities, dates and counts. */
export function releaseParagraphs(n: number): string[] {
  const r = rng(n * 7919 + 17);
  const de = pick(r, CITIES_DE);
  const cn = pick(r, CITIES_CN);
  const year = 2014 + (n % 11);
  const day = 1 + Math.floor(r() * 28);
  const month = pick(r, MONTHS);
  const members = 40 + Math.floor(r() * 60);
  const topic = pick(r, TOPICS);
  return [
    `${de}, ${day}. ${month} ${year}. Eine Delegation aus ${cn} hat die Stadt ${de} besucht, um die Zusammenarbeit im Bereich ${topic} zu vertiefen.`,
    `Die Chinesisch-Deutsche Industriestädteallianz zählt nach Angaben der Geschäftsstelle inzwischen ${members} Mitgliedsstädte, davon ${Math.floor(members / 2)} in Deutschland.`,
    `Oberbürgermeister und Vizebürgermeisterin unterzeichneten eine Absichtserklärung über ${2 + Math.floor(r() * 8)} gemeinsame Projekte; ${10 + Math.floor(r() * 90)} Unternehmen beteiligen sich.`,
    `${de} und ${cn} pflegen seit ${year - 1 - Math.floor(r() * 10)} eine Städtepartnerschaft, die ${cn} mit rund ${(1 + r() * 9).toFixed(1)} Millionen Einwohnern zu einem der größten Partner macht.`,
    `Das nächste Treffen der Allianz ist für den ${1 + Math.floor(r() * 28)}. ${pick(r, MONTHS)} ${year + 1} in ${pick(r, [...CITIES_DE, ...CITIES_CN])} geplant. Weitere Informationen erteilt die Pressestelle.`,
  ];
}

/** The markup of release n, padded with page chrome to about `bytes`. */
export function releaseHtml(n: number, bytes = 50_000): string {
  const paragraphs = releaseParagraphs(n);
  const nav = Array.from({ length: 60 }, (_, i) => `<li class="nav-item"><a class="nav-link" href="/bereich/${i}/">Bereich ${i} der Stadtverwaltung</a></li>`).join('');
  const head = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Pressemitteilung ${n}: ${paragraphs[0]!.slice(0, 60)}</title><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/css/site.css"><script>window.dataLayer=window.dataLayer||[];</script></head>`;
  const article = `<main id="content"><article class="press-release"><h1>Pressemitteilung ${n}</h1><p class="date">${paragraphs[0]!.split('.')[0]}</p>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>`;
  let teasers = '';
  let i = 0;
  const footer = `</main><footer class="site-footer"><p>© Stadt · Impressum · Datenschutz · Barrierefreiheit</p></footer><script src="/js/site.js"></script></body></html>`;
  const fixed = head.length + nav.length + article.length + footer.length + 200;
  while (fixed + teasers.length < bytes) {
    teasers += `<aside class="teaser"><h2><a href="/aktuelles/meldung-${(n + i + 1) * 13}/">Weitere Meldung ${i}</a></h2><p class="teaser-text">Kurzfassung einer anderen Meldung aus dem Rathaus, Ausgabe ${i}, mit Veranstaltungshinweisen und Terminen für Bürgerinnen und Bürger.</p></aside>`;
    i++;
  }
  return `${head}<body><header><nav class="main-nav"><ul>${nav}</ul></nav></header>${article}<div class="related">${teasers}</div>${footer}`;
}

export interface GeneratedSite {
  origin: string;
  close(): Promise<void>;
}

/** Starts the site in a child process; resolves with its origin. */
export async function startGeneratedSite(options: SiteOptions): Promise<GeneratedSite> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`generated site exited with ${code}`)));
  });
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// Every pdfEvery-th release is a small generated PDF (text layer from the same sentences).
function pdfBytes(n: number): Buffer {
  const lines = releaseParagraphs(n).map((p) => p.replace(/[()\\]/g, ' ').replace(/[^\x20-\x7e]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', '„': '"', '“': '"' })[c] ?? ' '));
  const stream = `BT /F1 10 Tf 50 780 Td 12 TL ${lines.map((l) => `(${l.slice(0, 110)}) ' (${l.slice(110)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function serve(options: SiteOptions): void {
  const pages = options.pages;
  const pdfEvery = options.pdfs ? Math.max(1, Math.floor(pages / options.pdfs)) : 0;
  const listings = Math.ceil(pages / PER_LISTING);
  const isPdf = (n: number) => pdfEvery > 0 && n % pdfEvery === pdfEvery - 1;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    if (url.pathname === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    if (url.pathname === '/presse/liste') {
      const page = Number(url.searchParams.get('seite') ?? '1');
      const from = (page - 1) * PER_LISTING;
      const links = Array.from({ length: Math.max(0, Math.min(PER_LISTING, pages - from)) }, (_, i) => from + i)
        .map((n) => `<li><a href="/presse/meldungen/${n}.${isPdf(n) ? 'pdf' : 'html'}">Meldung ${n}</a></li>`)
        .join('');
      const next = page < listings ? `<a href="/presse/liste?seite=${page + 1}">weiter</a>` : '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Presse Seite ${page}</title></head><body><main><ul>${links}</ul><nav class="pagination">${next}</nav></main></body></html>`);
      return;
    }
    const match = /^\/presse\/meldungen\/(\d+)\.(html|pdf)$/.exec(url.pathname);
    const n = match ? Number(match[1]) : -1;
    if (n < 0 || n >= pages || (match![2] === 'pdf') !== isPdf(n)) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"m-${n}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    if (isPdf(n)) res.writeHead(200, { 'content-type': 'application/pdf', etag }).end(pdfBytes(n));
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(releaseHtml(n, options.pageBytes));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`listening http://127.0.0.1:${address.port}\n`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2]) serve(JSON.parse(process.argv[2]) as SiteOptions);
