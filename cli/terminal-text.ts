/**
 * Crawled text must not drive the reader's terminal: a page with escape sequences could clear the
 * screen, recolour it, retitle the window or write the clipboard (OSC 52). Every line a command
 * prints goes through here (`print` in command.ts).
 */

// OSC … BEL|ST, DCS/SOS/PM/APC … ST, CSI … final byte, then any other ESC + one character.
const ESCAPE_SEQUENCE = /\x1b\][\s\S]*?(?:\x07|\x1b\\|$)|\x1b[PX^_][\s\S]*?(?:\x1b\\|$)|\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\s\S]?/g;
// C0 except tab and newline (JSON.stringify never leaves these raw, so JSON output loses nothing).
const C0 = /[\x00-\x08\x0b-\x1f]/g;
// DEL, C1 (0x80–0x9f: 8-bit CSI, OSC …) and bidi overrides/isolates, which reorder what is shown.
// JSON.stringify leaves them raw: written as \uXXXX they stay the same JSON value (and evidence
// offsets stay right) while nothing reaches the terminal raw; in text they show what was there.
const SHOWN_ESCAPED = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text with escape sequences and C0 controls (but \n, \t) removed and C1, DEL, bidi shown as \uXXXX. */
export function terminalSafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C0, '')
    .replace(SHOWN_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
