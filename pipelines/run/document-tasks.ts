/**
 * What a document worker thread does (`document-worker.mjs` loads this): read one body with
 * `readDocument`, or extract one text's claims with `extractClaims` and a gazetteer of its own.
 * Answers plain data; an error goes back as its class name, message and input.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ExtractionContext } from '../../extractors/extraction-context.ts';
import type { CuratedAlias } from '../../extractors/gazetteer/gazetteer-data.ts';
import type { ParseInput } from '../../core/parsed-document.ts';
import type { ParseOptions } from '../parse/parse-options.ts';
import { errorClassOf, errorMessageOf, PipelineError } from '../../core/errors.ts';

export interface DocumentWorkerData {
  /** Accepted aliases, so the worker's gazetteer is the one the stage was given. */
  extraAliases: readonly CuratedAlias[];
}

export type DocumentTask =
  | { id: number; task: 'read'; input: ParseInput; options: Omit<ParseOptions, 'pdfWorkers'> }
  | { id: number; task: 'extract'; text: string; context: Omit<ExtractionContext, 'gazetteer'> };

export type DocumentAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; name: string; message: string; input: string | null };

/** Loads the readers, the extractors and the gazetteer, then says it is ready: the time limit counts from there. */
export async function serveDocumentTasks(port: MessagePort, data: DocumentWorkerData): Promise<void> {
  const [{ readDocument }, { extractClaims }, { loadGazetteer }] = await Promise.all([
    import('../parse/read-document.ts'),
    import('../../extractors/extract-claims.ts'),
    import('../../extractors/gazetteer/load-gazetteer.ts'),
  ]);
  // Built before the worker says it is ready, so a document's time limit never pays for it.
  const gazetteer = loadGazetteer({ extraAliases: data.extraAliases });
  const run = async (message: DocumentTask): Promise<unknown> =>
    message.task === 'read' ? readDocument(message.input, message.options) : extractClaims(message.text, { ...message.context, gazetteer });
  port.on('message', (message: DocumentTask) => {
    run(message).then(
      (value) => port.postMessage({ id: message.id, ok: true, value } satisfies DocumentAnswer),
      (error: unknown) =>
        port.postMessage({ id: message.id, ok: false, name: errorClassOf(error), message: errorMessageOf(error), input: error instanceof PipelineError ? error.input : null } satisfies DocumentAnswer),
    );
  });
  port.postMessage({ ready: true });
}
