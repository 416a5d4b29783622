import { describe, expect, test } from 'vitest';
import { bytes, duration, exactTime, percent, relativeTime, shortSha, usd } from '@/lib/format';

describe('format', () => {
  test('usd shows cents, or whole dollars for headline figures', () => {
    expect(usd(1234.5)).toBe('$1,234.50');
    expect(usd(0)).toBe('$0.00');
    expect(usd(87.6, { whole: true })).toBe('$88');
  });

  test('percent takes a ratio', () => {
    expect(percent(0.9995, 2)).toBe('99.95\u00a0%');
    expect(percent(1)).toBe('100.0\u00a0%');
  });

  test('duration keeps the two largest units', () => {
    expect(duration(950)).toBe('950\u00a0ms');
    expect(duration(45_000)).toBe('45s');
    expect(duration(83_000)).toBe('1m 23s');
    expect(duration(120_000)).toBe('2m');
    expect(duration(7_380_000)).toBe('2h 3m');
    expect(duration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2d 3h');
    expect(duration(null)).toBe('—');
  });

  test('bytes uses binary units', () => {
    expect(bytes(512)).toBe('512\u00a0B');
    expect(bytes(1_572_864)).toBe('1.5\u00a0MB');
    expect(bytes(3 * 1024 ** 3)).toBe('3.0\u00a0GB');
  });

  test('shortSha is the 7 characters GitHub shows', () => {
    expect(shortSha('0123456789abcdef')).toBe('0123456');
  });

  test('relativeTime reads past and future against a fixed now', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    expect(relativeTime(new Date('2026-01-10T11:59:50Z'), now)).toBe('just now');
    expect(relativeTime(new Date('2026-01-10T09:00:00Z'), now)).toBe('3 hr. ago');
    expect(relativeTime(new Date('2026-01-12T12:00:00Z'), now)).toBe('in 2 days');
    expect(relativeTime(new Date('2026-01-09T12:00:00Z'), now)).toBe('yesterday');
  });

  test('exactTime is UTC so server and browser agree', () => {
    expect(exactTime(new Date('2026-01-10T12:34:00Z'))).toBe('10 Jan 2026, 12:34 UTC');
  });
});
