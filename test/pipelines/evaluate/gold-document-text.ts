/**
 * Test helper: the clean text a gold document's quotes must come from. Plain text as it is;
 * HTML and PDF as the parse stage's `parseDocument` produces it.
 */
import { readFile } from 'node:fs/promises';

export async function goldDocumentText(file: string): Promise<string> {
  if (file.endsWith('.txt')) return readFile(file, 'utf8');
  throw new Error(`no text reader for ${file} yet`);
}
