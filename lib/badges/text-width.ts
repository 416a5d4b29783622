/**
 * How wide a badge's text is at 11 px in DejaVu Sans, the open font that badges fall back to
 * from Verdana (and whose metrics Verdana's follow closely). The widths of printable ASCII, in
 * pixels, as Chromium's canvas measures them; any other character counts as 7 px, a digit's
 * width. The SVG also sets `textLength`, so a viewer with another
 * font squeezes or stretches the text into the same box instead of overflowing it.
 */
const ASCII_WIDTHS = [
  3.5, 4.4, 5.1, 9.2, 7, 10.5, 8.6, 3, 4.3, 4.3, 5.5, 9.2, 3.5, 4, 3.5, 3.7, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 3.7, 3.7, 9.2, 9.2, 9.2, 5.8, 11, 7.5, 7.5, 7.7, 8.5, 7, 6.3, 8.5, 8.3, 3.2, 3.2, 7.2, 6.1,
  9.5, 8.2, 8.7, 6.6, 8.7, 7.6, 7, 6.7, 8.1, 7.5, 10.9, 7.5, 6.7, 7.5, 4.3, 3.7, 4.3, 9.2, 5.5, 5.5,
  6.7, 7, 6, 7, 6.8, 3.9, 7, 7, 3.1, 3.1, 6.4, 3.1, 10.7, 7, 6.7, 7, 7, 4.5, 5.7, 4.3, 7, 6.5, 9,
  6.5, 6.5, 5.8, 7, 3.7, 7, 9.2,
];
const FIRST_PRINTABLE = 32;
const OTHER_WIDTH = 7;
const SPACE_WIDTH = ASCII_WIDTHS[0]!;

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  // The board puts a no-break space between a figure and its unit ("99.9 %").
  if (code === 0xa0) return SPACE_WIDTH;
  return ASCII_WIDTHS[code - FIRST_PRINTABLE] ?? OTHER_WIDTH;
}

/** The text's width in pixels, rounded up to a whole pixel. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return Math.ceil(width);
}
