import { describe, expect, test } from 'vitest';
import { ignoredParamNotice } from '@/lib/domain/search-params';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { previewsQuerySchema } from '@/lib/filters/previews';
import { environmentsQuerySchema } from '@/lib/filters/environments';
import { cursorParam, keepOffered, readSearchParams } from '@/lib/http/query-params';
import { encodeCursor } from '@/lib/paging';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('reading a list page URL', () => {
  test('a value the schema refuses is dropped and named, the rest applied', () => {
    const read = readSearchParams(deploymentsQuerySchema, {
      state: 'nonsense',
      branch: 'main',
      cursor: 'junk',
    });
    expect(read.values).toEqual({ branch: 'main', limit: 25 });
    expect(read.ignored).toEqual([
      { name: 'state', value: 'nonsense' },
      { name: 'cursor', value: 'junk' },
    ]);
  });

  test('a parameter given twice is named with both values', () => {
    const read = readSearchParams(deploymentsQuerySchema, { state: ['ready', 'error'] });
    expect(read.values.state).toBeUndefined();
    expect(read.ignored).toEqual([{ name: 'state', value: 'ready, error' }]);
  });

  test('a URL that parses ignores nothing, and an empty field is no filter', () => {
    expect(readSearchParams(previewsQuerySchema, { tab: 'closed', author: '' })).toEqual({
      values: { tab: 'closed', limit: 25 },
      ignored: [],
    });
  });

  test('a text filter with a control character (a NUL byte) is dropped before any query', () => {
    const read = readSearchParams(deploymentsQuerySchema, {
      branch: 'main\u0000',
      author: 'a\u0001',
    });
    expect(read.values).toEqual({ limit: 25 });
    expect(read.ignored.map((param) => param.name).sort()).toEqual(['author', 'branch']);
    expect(
      readSearchParams(deploymentsQuerySchema, { branch: 'feat/ünïcode-✓' }).values.branch,
    ).toBe('feat/ünïcode-✓');
  });

  test('a value the page does not offer is dropped and named; offered ones stay', () => {
    const read = readSearchParams(deploymentsQuerySchema, {
      environment: 'nope',
      author: 'ada',
    });
    const kept = keepOffered(read, { environment: ['production', 'staging'], author: ['ada'] });
    expect(kept.values).toEqual({ author: 'ada', limit: 25 });
    expect(kept.ignored).toEqual([{ name: 'environment', value: 'nope' }]);
  });
});

describe('a page cursor', () => {
  test.each([
    ['an id beyond the integer column', forged(['2026-01-01T00:00:00.000Z', 99_999_999_999])],
    ['an id below the integer column', forged(['2026-01-01T00:00:00.000Z', -99_999_999_999])],
    ['a time that is not one', forged(['not a time', 1])],
    ['a number no list sorts on', forged([1e308, 1])],
    ['a fractional id', forged([5, 1.5])],
    ['not JSON', Buffer.from('not json').toString('base64url')],
  ])('%s is refused before any query', (_name, cursor) => {
    expect(cursorParam.safeParse(cursor).success).toBe(false);
  });

  test("an audit decision's cursor (its approval id negated) is kept", () => {
    expect(cursorParam.safeParse(forged(['2026-01-01T00:00:00.000Z', -3])).success).toBe(true);
  });

  test("a cursor of another sort is dropped, the list's other filters kept", () => {
    const newest = encodeCursor(new Date('2026-03-01T00:00:00Z'), 7);
    const read = readSearchParams(deploymentsQuerySchema, {
      sort: 'slowest',
      cursor: newest,
      state: 'nonsense',
    });
    expect(read.values).toEqual({ sort: 'slowest', limit: 25 });
    expect(read.ignored.map((param) => param.name).sort()).toEqual(['cursor', 'state']);
    expect(readSearchParams(deploymentsQuerySchema, { cursor: newest }).values.cursor).toEqual([
      '2026-03-01T00:00:00.000Z',
      7,
    ]);
    expect(readSearchParams(environmentsQuerySchema, { cursor: newest }).ignored).toEqual([
      { name: 'cursor', value: newest },
    ]);
  });
});

describe('the notice for an ignored value', () => {
  test('names the parameter, the value and what is shown instead', () => {
    expect(
      ignoredParamNotice({ name: 'state', value: 'nonsense' }, { label: 'state', instead: 'all' }),
    ).toBe("Unknown state 'nonsense': showing all.");
  });

  test('a page link that no longer parses sends the reader to the first page', () => {
    expect(ignoredParamNotice({ name: 'cursor', value: 'junk' })).toBe(
      'This page link is no longer valid: showing the first page.',
    );
  });

  test('a long value is cut so the notice stays a line', () => {
    const notice = ignoredParamNotice({ name: 'event', value: 'x'.repeat(500) });
    expect(notice).toBe(`Unknown event '${'x'.repeat(60)}…': showing all.`);
  });
});
