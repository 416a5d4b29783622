import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { escapeXml, renderBadgeSvg } from '@/lib/badges/svg';
import { textWidth } from '@/lib/badges/text-width';
import { parseBadgeFile, shieldsEndpoint, uptimeColor } from '@/lib/domain/badges';

describe('uptime colours', () => {
  test.each([
    [98.99, 'red'],
    [99, 'yellow'],
    [99.49, 'yellow'],
    [99.5, 'green'],
    [100, 'green'],
    [null, 'lightgrey'],
  ] as const)('%s %% is %s', (pct, color) => {
    expect(uptimeColor(pct)).toBe(color);
  });
});

describe('badge files', () => {
  test('a kind and a format, nothing else', () => {
    expect(parseBadgeFile('uptime.svg')).toEqual({ kind: 'uptime', format: 'svg' });
    expect(parseBadgeFile('tests.json')).toEqual({ kind: 'tests', format: 'json' });
    for (const file of ['coverage.svg', 'status.png', 'status', 'status.svg.json', 'STATUS.svg']) {
      expect(parseBadgeFile(file)).toBeNull();
    }
  });

  test('the endpoint JSON asks shields to keep it five minutes', () => {
    expect(shieldsEndpoint({ label: 'status', message: 'ready', color: 'brightgreen' })).toEqual({
      schemaVersion: 1,
      label: 'status',
      message: 'ready',
      color: 'brightgreen',
      cacheSeconds: 300,
    });
  });
});

describe('the SVG', () => {
  test('text that looks like markup stays text', () => {
    const message = `<script>alert("x")</script> & 'co'`;
    const svg = renderBadgeSvg({ label: 'deploy', message, color: 'red' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(parsed.title).toBe(`deploy: ${message}`);
    expect(escapeXml(message)).not.toMatch(/[<>"']/);
  });

  test('each half is as wide as its text plus 5 px either side', () => {
    const svg = renderBadgeSvg({ label: 'status', message: 'ready', color: 'brightgreen' });
    const label = textWidth('status') + 10;
    const message = textWidth('ready') + 10;
    expect(svg).toContain(`width="${label + message}" height="20"`);
    expect(svg).toContain(`<rect x="${label}" width="${message}" height="20" fill="#4c1"/>`);
  });

  test('wider letters make wider text', () => {
    expect(textWidth('WWW')).toBeGreaterThan(textWidth('iii'));
    expect(textWidth('99.9\u00a0%')).toBe(textWidth('99.9 %'));
  });
});
