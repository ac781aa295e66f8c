import { describe, expect, it } from 'vitest';
import { removeRepeatedBlocks } from '../../../pipelines/parse/remove-repeated-blocks.ts';

describe('removeRepeatedBlocks', () => {
  const block = ['Landeshauptstadt X', 'Pressestelle', 'Rathausplatz 1', 'www.x.example'];

  it('removes every copy of a repeated address block and re-joins the sentence it cut', () => {
    const items = ['Titel', 'Bei der Sitzung standen', ...block, 'Gespräche im Mittelpunkt.', 'Ein Satz.', ...block, 'Noch ein Absatz.'];
    const result = removeRepeatedBlocks(items);
    expect(result.paragraphs).toEqual(['Titel', 'Bei der Sitzung standen Gespräche im Mittelpunkt.', 'Ein Satz.', 'Noch ein Absatz.']);
    expect(result.removed).toBe(block.join(' / '));
    expect(result.copies).toBe(2);
  });

  it('leaves texts alone when nothing repeats, or only two-line runs repeat', () => {
    const items = ['Aachen', 'Köln', 'Text.', 'Aachen', 'Köln'];
    expect(removeRepeatedBlocks(items)).toEqual({ paragraphs: items, removed: null, copies: 0 });
  });
});
