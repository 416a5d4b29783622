import { type Badge, BADGE_COLORS } from '@/lib/domain/badges';
import { textWidth } from './text-width';

/** Space on each side of a half's text, as shields.io's flat style draws it. */
const PADDING = 5;
const HEIGHT = 20;
const LABEL_COLOR = '#555';

/** Text as XML character data or an attribute value: nothing in it can close a tag or quote. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One half's text: a shadow one pixel down, then the text. Coordinates are ×10 (scale .1). */
function halfText(text: string, left: number, width: number): string {
  const x = (left + width / 2) * 10;
  const length = (width - 2 * PADDING) * 10;
  const content = escapeXml(text);
  return (
    `<text aria-hidden="true" x="${x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${length}">${content}</text>` +
    `<text x="${x}" y="140" transform="scale(.1)" fill="#fff" textLength="${length}">${content}</text>`
  );
}

/**
 * A flat badge in shields.io's layout (label on grey, message on its colour), readable by
 * screen readers as one image named "label: message".
 */
export function renderBadgeSvg(badge: Badge): string {
  const labelWidth = textWidth(badge.label) + 2 * PADDING;
  const messageWidth = textWidth(badge.message) + 2 * PADDING;
  const width = labelWidth + messageWidth;
  const name = escapeXml(`${badge.label}: ${badge.message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${name}">`,
    `<title>${name}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    '<g clip-path="url(#r)">',
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_COLOR}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${BADGE_COLORS[badge.color]}"/>`,
    `<rect width="${width}" height="${HEIGHT}" fill="url(#s)"/>`,
    '</g>',
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">',
    halfText(badge.label, 0, labelWidth),
    halfText(badge.message, labelWidth, messageWidth),
    '</g>',
    '</svg>',
  ].join('');
}
