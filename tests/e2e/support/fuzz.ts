import { mulberry32 } from '@/lib/demo/mulberry32';

/**
 * Generated bad input for the fuzz spec: the app's routes read from the app/ directory (a new
 * page or route is covered without editing the spec), and query strings and path segments drawn
 * from a seeded generator, so a failure replays with the same seed.
 */

/** The fuzz's seeded generator: the demo's mulberry32, so a seed replays a run. */
export const seededRandom = mulberry32;

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Values already percent-encoded: some on purpose are not valid percent-encoding at all. */
const RAW_VALUES = ['%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%FF%FE'];

/** Ids out of range and of the wrong shape, next to some that may name a row. */
const IDS = [
  '1',
  '2',
  '0',
  '-1',
  '007',
  '1.5',
  '1e3',
  '0x1',
  '2147483647',
  '2147483648',
  '99999999999999',
  '9'.repeat(40),
  'NaN',
  'Infinity',
  'abc',
  'null',
  ' 1',
  'ä',
  '..',
  'production',
  'x'.repeat(300),
];

/** What a hand edit, a stale bookmark or a curious person puts in a query string. */
const VALUES: readonly string[] = [
  '',
  ' ',
  'nonsense',
  'nope',
  '-1',
  '0',
  '1',
  '1.5',
  '1e309',
  '99999999999999',
  'NaN',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  'production',
  'main',
  'ready',
  'error',
  'closed',
  'unit',
  'week',
  '7',
  '90',
  '12m',
  '2026-02-30',
  '2026-13',
  '0000-01',
  '9999-12-31',
  '275760-09-13',
  "'; drop table deployments; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'é漢字🙂',
  '\u0000',
  'main\u0000',
  'a'.repeat(5000),
  base64url(['2026-01-01T00:00:00.000Z', 99_999_999_999]),
  base64url(['not a time', 1]),
  base64url([1e308, 1]),
  base64url([-1, -1]),
  base64url(['x', 1.5]),
  base64url([null, 1]),
  base64url({ id: 1 }),
  Buffer.from('not json').toString('base64url'),
];

/** The names the pages and API read, and some they do not. */
const NAMES = [
  'action',
  'actor',
  'author',
  'branch',
  'by',
  'callbackUrl',
  'cursor',
  'day',
  'days',
  'deleted',
  'environment',
  'error',
  'event',
  'kind',
  'latency',
  'limit',
  'month',
  'outcome',
  'provider',
  'range',
  'since',
  'sort',
  'state',
  'status',
  'suite',
  'tab',
  'target',
  'week',
  'unknown',
  '__proto__',
  'constructor',
];

/** One to four parameters; a name is sometimes given twice, a value sometimes raw bytes. */
export function randomQuery(random: Random): string {
  const count = 1 + Math.floor(random() * 4);
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    const name = pick(random, NAMES);
    const value =
      random() < 0.1 ? pick(random, RAW_VALUES) : encodeURIComponent(pick(random, VALUES));
    parts.push(`${encodeURIComponent(name)}=${value}`);
    if (random() < 0.15) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent('2')}`);
  }
  return parts.join('&');
}

/** A path segment for `[id]`, `[slug]` and catch-all routes. */
export function randomSegment(random: Random): string {
  return random() < 0.15 ? pick(random, RAW_VALUES) : encodeURIComponent(pick(random, IDS));
}

/** The route's pattern with each dynamic segment filled; a catch-all gets one to three. */
export function fillPattern(pattern: string, random: Random): string {
  return pattern.replace(/\[\[?(\.\.\.)?[^\]]+\]\]?/g, (_match, catchAll?: string) => {
    if (!catchAll) return randomSegment(random);
    const length = 1 + Math.floor(random() * 3);
    return Array.from({ length }, () => randomSegment(random)).join('/');
  });
}

/**
 * What must never reach a client: a stack frame ("at fn (file.ts:12:5)"), a Node internal, or a
 * page's server error handed to the browser (an RSC error row with a digest that is not one of
 * Next.js's own not-found or redirect signals).
 */
export const LEAKS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a stack frame', pattern: /\bat [\w$.<>]+ \([^\s()]+:\d+:\d+\)/ },
  { name: 'a stack frame', pattern: /\bat (?:file:\/\/)?\/[^\s"]+\.[cm]?[jt]sx?:\d+:\d+/ },
  { name: 'a Node internal', pattern: /node:internal|webpack-internal:/ },
  { name: 'a server error digest', pattern: /E\{\\?"digest\\?":\\?"(?!NEXT_)/ },
  // A boundary that renders on the client only (a lazy chart) carries an empty digest.
  { name: 'a failed Suspense boundary', pattern: /data-dgst="(?!NEXT_)[^"]/ },
  { name: 'the board error screen', pattern: /This page could not load/ },
];
