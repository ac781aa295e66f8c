import { extname } from 'node:path';

/** Content type of a local file by its extension; null leaves it to sniffing. Its own module, so `isa extract` does not load the ingest stage's database queries for it. */
export function contentTypeFromExtension(path: string): string | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return 'application/pdf';
  if (ext === '.html' || ext === '.htm') return 'text/html';
  if (ext === '.txt') return 'text/plain';
  return null;
}
