/**
 * Test helper: the clean text a gold document's quotes must come from. Plain text as it is;
 * HTML and PDF as the parse stage's `readDocument` produces it.
 */
import { readFile } from 'node:fs/promises';
import { readDocument } from '../../../pipelines/parse/read-document.ts';

export async function goldDocumentText(file: string): Promise<string> {
  if (file.endsWith('.txt')) return readFile(file, 'utf8');
  const body = new Uint8Array(await readFile(file));
  const parsed = await readDocument({ body, url: file, contentType: null, fetchedAt: new Date('2026-01-01T00:00:00Z') });
  return parsed.text;
}
