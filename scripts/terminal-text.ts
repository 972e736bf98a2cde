/**
 * Text from a data file (ids, cells, file names, messages that quote them) as the command-line
 * tools print it. A terminal acts on control characters instead of showing them: ESC sequences
 * retitle or clear it and move the cursor, CR and LF start fake lines ("✔ 0 errors"), and bidi
 * overrides and isolates reorder what follows. So each one is written as a visible escape
 * (\x1b, \u202e), and a printed line from data stays one line of plain text.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? visibleEscape(c.charCodeAt(0)));
}

function visibleEscape(code: number): string {
  const hex = code.toString(16);
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}
