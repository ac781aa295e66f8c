import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../cli/terminal-text.ts';
import { runCli } from './run-cli.ts';

const ESC = '\x1b';

describe('terminalSafe', () => {
  it.each([
    ['clear screen and cursor home', `${ESC}[2J${ESC}[Hnach dem Beitritt`, 'nach dem Beitritt'],
    ['colour', `${ESC}[1;31mrot${ESC}[0m`, 'rot'],
    ['OSC 52 clipboard write ended by BEL', `Mainz${ESC}]52;c;cm0gLXJmIH4=\x07 tritt bei`, 'Mainz tritt bei'],
    ['OSC window title ended by ST', `${ESC}]0;owned${ESC}\\Titel`, 'Titel'],
    ['a lone ESC and a keypad switch', `a${ESC}=b${ESC}`, 'ab'],
    ['carriage return and backspace that overwrite a line', 'echt\r\bfalsch', 'echtfalsch'],
    ['bell and NUL', 'a\x07b\x00c', 'abc'],
  ])('drops %s', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps newlines, tabs and every printable character, umlauts and CJK too', () => {
    const text = 'Köln\tKöln–Foshan „Städte“ 佛山市\nzweite Zeile';
    expect(terminalSafe(text)).toBe(text);
  });

  it('shows C1 controls, DEL and bidi overrides as \\uXXXX, so JSON keeps its value', () => {
    const value = { quote: 'a\x9b2Jb\u202ec\x7f' };
    const printed = terminalSafe(JSON.stringify(value));
    expect(printed).not.toMatch(/[\x7f-\x9f\u202e]/);
    expect(JSON.parse(printed)).toEqual(value);
  });
});

describe('crawled text on the terminal', () => {
  it('isa extract --format text prints a page\'s escape sequences as nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isa-escape-'));
    const file = join(dir, 'release.txt');
    await writeFile(file, `Pressemitteilung${ESC}[2J${ESC}]52;c;ZXZpbA==\x07\n\nDie Stadt Musterstadt ist am 3. März 2021 der Allianz beigetreten.${ESC}[31m\n`);
    try {
      const text = await runCli(['extract', file, '--format', 'text']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Pressemitteilung');
      expect(text.stdout).not.toContain(ESC);
      const json = await runCli(['extract', file, '--format', 'json']);
      expect(json.stdout).not.toContain(ESC);
      const extraction = JSON.parse(json.stdout) as { document: { text: string }; claims: Array<{ evidence: { start: number; end: number; quote: string } }> };
      for (const claim of extraction.claims) expect(extraction.document.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.quote);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
