import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../extractors/text/segment-text.ts';

const sentences = (text: string) => segmentText(text).sentences.map((s) => s.text);

describe('segmentText', () => {
  it('does not split at ordinals, dates, abbreviations and versions', () => {
    expect(sentences('Die 3. Plenarversammlung fand am 24. April 2017 statt. Prof. Dr. Uwe Schneidewind sprach über Industrie 4.0 und 8 Mio. Einwohner. Danach ging es weiter.')).toEqual([
      'Die 3. Plenarversammlung fand am 24. April 2017 statt.',
      'Prof. Dr. Uwe Schneidewind sprach über Industrie 4.0 und 8 Mio. Einwohner.',
      'Danach ging es weiter.',
    ]);
  });

  it('keeps a trailing date dot inside the sentence that goes on', () => {
    expect(sentences('Zuletzt hat die Stadt am 20.07.22. mit der CIPA einen Livestream veranstaltet. Neu ist das nicht.')).toHaveLength(2);
  });

  it('keeps a list in brackets and a list over a line break together', () => {
    expect(sentences('Es gehören zehn Städte (Aachen. Köln) an. Die Mitglieder sind: Aachen, Bottrop,\nRhein-Kreis Neuss und Wuppertal.')).toEqual([
      'Es gehören zehn Städte (Aachen. Köln) an.',
      'Die Mitglieder sind: Aachen, Bottrop,\nRhein-Kreis Neuss und Wuppertal.',
    ]);
  });

  it('ends a sentence at a line break before a capital and joins a broken line', () => {
    expect(sentences('Überschrift ohne Punkt\nDer Text beginnt hier und\ngeht hier weiter.')).toEqual(['Überschrift ohne Punkt', 'Der Text beginnt hier und\ngeht hier weiter.']);
  });

  it('sets a capitals dateline apart from the sentence it opens', () => {
    expect(sentences('GÖRLITZ/BERLIN Seit Dienstag ist Görlitz dabei. Das freut alle.')).toEqual(['GÖRLITZ/BERLIN', 'Seit Dienstag ist Görlitz dabei.', 'Das freut alle.']);
    expect(sentences('HAGEN (dpa) – Die Stadt tritt bei.')).toEqual(['HAGEN (dpa)', 'Die Stadt tritt bei.']);
    expect(sentences('LONDON. The city joined.')).toEqual(['LONDON', 'The city joined.']);
  });

  it('keeps capitals that are no dateline in their sentence', () => {
    expect(sentences('ISA Mitglieder treffen sich in Köln.')).toEqual(['ISA Mitglieder treffen sich in Köln.']);
    expect(sentences('U.S. President Biden met the mayor.')).toEqual(['U.S. President Biden met the mayor.']);
    expect(sentences('Die NEUE Halle ist offen.')).toEqual(['Die NEUE Halle ist offen.']);
  });

  it('keeps offsets exact', () => {
    const text = '  Erster Satz.  Zweiter Satz!\n\nNeuer Absatz?  ';
    const { sentences: spans, paragraphs } = segmentText(text);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(paragraphs).toHaveLength(2);
    expect(spans.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});
