import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOLD_PDFS } from '../../../fixtures/gold/build-gold-pdfs.ts';
import { renderPressReleasePdf } from '../../../fixtures/scripts/press-release-pdf.ts';

const OWN = fileURLToPath(new URL('../../../fixtures/gold/own/', import.meta.url));

describe('gold PDFs', () => {
  it.each(Object.keys(GOLD_PDFS))('%s.pdf is what build-gold-pdfs.ts renders (rebuild after editing the script)', async (name) => {
    const options = GOLD_PDFS[name];
    expect(options).toBeDefined();
    if (options === undefined) return;
    expect(options.pages.length, 'multi-page, so a sentence can be cut at a page break').toBeGreaterThan(1);
    const committed = await readFile(`${OWN}${name}.pdf`);
    expect(Buffer.compare(await renderPressReleasePdf(options), committed)).toBe(0);
  });
});
