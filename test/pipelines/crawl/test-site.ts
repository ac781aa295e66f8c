/**
 * A small loopback site for crawl tests: pages given as a map you can change between crawls,
 * ETag/304 like a real server, every request logged with its headers.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestPage {
  status?: number;
  body?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
  /** Answer 304 to a matching If-None-Match. @defaultValue true */
  etag?: boolean;
}

export interface TestSite {
  origin: string;
  url(path: string): string;
  /** Mutable: set, change or delete pages between crawls. */
  pages: Map<string, TestPage>;
  hits(path?: string): number;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startTestSite(pages: Record<string, TestPage> = {}): Promise<TestSite> {
  const map = new Map(Object.entries(pages));
  const requests: TestSite['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const page = map.get(path) ?? map.get(path.split('?')[0] ?? path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404</h1></body></html>');
      return;
    }
    const body = typeof page.body === 'string' ? Buffer.from(page.body) : (page.body ?? Buffer.alloc(0));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const headers: Record<string, string> = { 'content-type': page.type ?? 'text/html; charset=utf-8', ...(page.etag === false ? {} : { etag }), ...page.headers };
    if (page.etag !== false && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(page.status ?? 200, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    pages: map,
    hits: (path) => (path === undefined ? requests.length : requests.filter((r) => r.path === path).length),
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A press release page with enough text for the parser to keep. */
export function articlePage(title: string, paragraphs: string[], extra = ''): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Startseite</a></nav>
<main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}${extra}</article></main>
<footer>© Stadt</footer></body></html>`;
}

/** A listing page: links to releases plus whatever pagination markup is given. */
export function listingPage(title: string, links: string[], pagination = ''): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Startseite</a> <a href="/impressum">Impressum</a></nav>
<main><h1>${title}</h1><ul>${links.map((href, i) => `<li><a href="${href}">Meldung ${i + 1}</a></li>`).join('\n')}</ul>${pagination}</main>
</body></html>`;
}

/** German filler that reads like a release, so the parser's main-text detection keeps it. */
export function releaseText(topic: string, n: number): string[] {
  return [
    `Die Stadt hat am ${(n % 28) + 1}. März mitgeteilt, dass ${topic} im Rahmen der Chinesisch-Deutschen Industriestädteallianz weiter ausgebaut wird.`,
    `Oberbürgermeisterin und Wirtschaftsförderung betonten, die Zusammenarbeit mit den Partnerstädten habe sich in den vergangenen Jahren bewährt (Meldung ${n}).`,
    'Weitere Informationen erteilt die Pressestelle der Stadtverwaltung während der üblichen Sprechzeiten.',
  ];
}
