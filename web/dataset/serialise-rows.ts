/** Rows to CSV, JSON or NDJSON by one column list, for the pages' downloads and `isa export`. */

export type CellValue = string | number | boolean | null;

export interface Column<T> {
  /** The JSON key and CSV header. */
  key: string;
  /** The header of the page's table. */
  label: string;
  value(row: T): CellValue;
}

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** A timestamp as ISO text, dates and text as they are. */
export function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * RFC 4180 quoting. Crawled text that starts like a formula (`=HYPERLINK(…)`, `+`, `-`, `@`) gets a
 * leading apostrophe, so a spreadsheet shows it instead of running it.
 */
function csvField(value: CellValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowObject<T>(columns: readonly Column<T>[], row: T): Record<string, CellValue> {
  return Object.fromEntries(columns.map((c) => [c.key, c.value(row)]));
}

export function serialiseRows<T>(columns: readonly Column<T>[], rows: readonly T[], format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return [columns.map((c) => csvField(c.key)).join(','), ...rows.map((row) => columns.map((c) => csvField(c.value(row))).join(','))].join('\r\n') + '\r\n';
    case 'json':
      return `${JSON.stringify(rows.map((row) => rowObject(columns, row)), null, 2)}\n`;
    case 'ndjson':
      return rows.map((row) => `${JSON.stringify(rowObject(columns, row))}\n`).join('');
  }
}
