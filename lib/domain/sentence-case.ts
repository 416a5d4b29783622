/** Text as a label or a sentence starts: its first letter capitalised, "ready" → "Ready". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
