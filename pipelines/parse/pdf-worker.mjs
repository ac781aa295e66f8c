// Worker-thread entry for PDF parsing: plain ESM JavaScript so it runs under bare Node, tsx and
// vitest alike. It parses one PDF per message and answers with plain data; the parent thread
// enforces the time limit by terminating this worker, and its heap is capped at spawn time.
import { parentPort } from 'node:worker_threads';
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';

function kindOf(error) {
  if (error instanceof PasswordException || error?.name === 'PasswordException') return 'encrypted';
  if (error instanceof InvalidPDFException || error?.name === 'InvalidPDFException') return 'invalid';
  if (error instanceof FormatError || error?.name === 'FormatError') return 'format';
  return 'unknown';
}

function stringOrNull(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

async function parse({ data, maxPages }) {
  // verbosity 0: pdf.js warnings about fonts would otherwise flood the run's stderr.
  const parser = new PDFParse({ data, verbosity: 0, isEvalSupported: false });
  try {
    const info = await parser.getInfo();
    if (info.total > maxPages) return { ok: false, kind: 'too-many-pages', total: info.total, message: `${info.total} pages` };
    const text = await parser.getText({ pageJoiner: '' });
    // Link annotations, for discovery (PDF press releases link to annexes and web pages).
    const links = [];
    try {
      const withPages = await parser.getInfo({ parsePageInfo: true });
      for (const page of withPages.pages ?? []) for (const link of page.links ?? []) if (typeof link.url === 'string') links.push(link.url);
    } catch {
      // links are a bonus: a PDF whose annotations do not parse still has its text
    }
    return {
      ok: true,
      total: info.total,
      pages: text.pages.map((page) => page.text),
      links,
      info: {
        title: stringOrNull(info.info?.Title),
        creationDate: stringOrNull(info.info?.CreationDate),
        modDate: stringOrNull(info.info?.ModDate),
      },
    };
  } catch (error) {
    return { ok: false, kind: kindOf(error), message: error instanceof Error ? error.message : String(error) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

// pdf.js may reject a promise nobody awaits, after the answer went out (a wrong /Length makes an
// XRefEntryException surface late). In a worker thread that becomes an 'error' on the Worker, which
// would end this thread mid-job; the parent treats every document on its own, so swallow it here.
process.on('unhandledRejection', () => {});

parentPort?.on('message', async (request) => {
  parentPort?.postMessage(await parse(request));
});
