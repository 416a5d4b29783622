/** Long enough for an assertion diff, short enough that a table row stays readable. */
const MAX_FAILURE_MESSAGE_LENGTH = 2000;

// Terminal colour codes: Playwright and vitest colour their assertion messages.
const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;

/** A failure message as people read it: no colour codes, no surrounding blank lines, capped. */
export function cleanFailureMessage(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(ANSI_ESCAPE, '').trim();
  if (text === '') return null;
  return text.length > MAX_FAILURE_MESSAGE_LENGTH
    ? `${text.slice(0, MAX_FAILURE_MESSAGE_LENGTH - 1)}…`
    : text;
}
