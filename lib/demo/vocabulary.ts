import { slugify } from './ids';
import type { Random } from './random';

/** Areas of the storefront the team works on, each with the things a change is about. */
const AREAS: Record<string, readonly string[]> = {
  checkout: ['payment methods', 'promo codes', 'shipping options', 'order review'],
  cart: ['line items', 'saved carts', 'cart badge'],
  catalog: ['product variants', 'categories', 'price lists', 'product images'],
  search: ['search suggestions', 'facets', 'synonyms'],
  auth: ['magic links', 'sessions', 'passkeys'],
  account: ['addresses', 'notification settings', 'order history'],
  orders: ['refunds', 'invoices', 'shipment tracking'],
  admin: ['audit entries', 'team invites', 'bulk price edits'],
  api: ['rate limits', 'webhooks', 'pagination cursors'],
  emails: ['receipts', 'abandoned cart reminders'],
};

const TEMPLATES: Record<string, readonly string[]> = {
  feat: [
    'add {noun} filter',
    'support {noun} in the export',
    'show {noun} on the summary page',
    'paginate {noun}',
    'add bulk edit for {noun}',
    'let customers reorder {noun}',
    'add an empty state for {noun}',
  ],
  fix: [
    'handle missing {noun}',
    'keep {noun} across page reloads',
    'round {noun} totals correctly',
    'avoid duplicate {noun} on retry',
    'respect the locale when formatting {noun}',
    'stop {noun} from jumping on load',
  ],
  refactor: ['extract a {noun} service', 'move {noun} queries to server components'],
  perf: ['cache {noun} lookups', 'index {noun} by created_at', 'stream {noun} to the client'],
  test: ['cover {noun} edge cases', 'add an e2e flow for {noun}'],
  chore: ['tidy {noun} fixtures', 'update {noun} dependencies'],
  docs: ['document {noun}'],
};
const TYPE_WEIGHTS = [
  ['feat', 45],
  ['fix', 30],
  ['refactor', 7],
  ['perf', 5],
  ['test', 5],
  ['chore', 6],
  ['docs', 2],
] as const;

export interface ChangeTopic {
  type: string;
  scope: string;
  noun: string;
  /** Conventional-commit header, e.g. `feat(checkout): add promo codes filter`. */
  title: string;
  branch: string;
}

/** A new pull-request topic; `taken` keeps titles and branch names unique across the history. */
export function changeTopic(random: Random, taken: Set<string>): ChangeTopic {
  for (;;) {
    const type = random.weighted(TYPE_WEIGHTS);
    const scope = random.pick(Object.keys(AREAS));
    const noun = random.pick(AREAS[scope]!);
    const subject = random.pick(TEMPLATES[type]!).replace('{noun}', noun);
    const title = `${type}(${scope}): ${subject}`;
    const branch = `${type}/${slugify(subject, 40, { wholeWords: true })}`;
    if (taken.has(title) || taken.has(branch)) continue;
    taken.add(title).add(branch);
    return { type, scope, noun, title, branch };
  }
}

/** Later pushes to a pull request: review fixes, tests, tidying. */
export function followUpMessage(random: Random, topic: ChangeTopic): string {
  return random
    .pick([
      'fix({scope}): address review comments',
      'test({scope}): cover {noun}',
      'refactor({scope}): rename helpers',
      'fix({scope}): handle empty {noun}',
      'chore: update snapshots',
      'style({scope}): tighten spacing',
      'docs({scope}): explain {noun} rules',
      'fix: lint',
    ])
    .replace('{scope}', topic.scope)
    .replace('{noun}', topic.noun);
}

export const fixAfterFailedTests = (topic: ChangeTopic) =>
  `fix(${topic.scope}): correct ${topic.noun} handling caught by CI`;
export const fixAfterFailedBuild = (topic: ChangeTopic) =>
  `fix(${topic.scope}): resolve type error in ${topic.noun} module`;

/** Commits pushed straight to `develop`, the team's scratch environment. */
export function developMessage(random: Random): string {
  const scope = random.pick(Object.keys(AREAS));
  const noun = random.pick(AREAS[scope]!);
  return random.pick([
    `feat(${scope}): spike ${noun} (wip)`,
    `chore(dev): seed more ${noun}`,
    `chore(dev): enable ${noun} feature flag`,
    `debug(${scope}): log ${noun} timings`,
  ]);
}

export const SYNC_DEVELOP_MESSAGE = 'chore: sync develop with main';

/** Vercel's build log ends with lines like these when a build fails. */
export function buildErrorMessage(random: Random, topic?: ChangeTopic): string {
  const noun = (topic?.noun ?? 'order history').replace(/ /g, '-');
  return random.pick([
    `Type error: Property '${camel(noun)}Id' does not exist on type 'CartLine'.`,
    `Module not found: Can't resolve '@/lib/${topic?.scope ?? 'orders'}/${noun}'`,
    'Error: Missing required environment variable: STRIPE_WEBHOOK_SECRET',
    `Error occurred prerendering page "/${topic?.scope ?? 'account'}". Read more: https://nextjs.org/docs/messages/prerender-error`,
    'Command "npm run build" exited with 1',
  ]);
}

function camel(kebab: string): string {
  return kebab.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
