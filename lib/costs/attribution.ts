import type { CostProvider } from '@/lib/domain/costs';
import { largestRemainder } from './largest-remainder';
import { roundQuantity } from './money';

/**
 * How envboard attributes a day's costs to environments (README, "How costs are attributed"):
 * - `environment`: the provider's figure names what it was spent on (a preview's Neon branch, a
 *   tagged deployment): it goes to that environment, whole.
 * - `usage`: usage the provider reports only for the project as a whole (Vercel function
 *   invocations, data transfer, …): split among the environments live that day in proportion to
 *   the hours each was live, in whole amount units by largest remainder so the parts sum exactly
 *   to the figure. With no environment live that day it stays shared.
 * - `shared`: costs nothing in particular causes (seats, plan fees, the project's storage outside
 *   any environment's branch): kept on the project, with no environment.
 */
export type CostTarget =
  { kind: 'environment'; environmentId: number } | { kind: 'usage' } | { kind: 'shared' };

/** One figure from a provider for one day, priced, before attribution. */
export interface CostLine {
  day: string;
  provider: CostProvider;
  metric: string;
  unit: string;
  quantity: number;
  /** Whole units of 1/10,000 USD (see money.ts). */
  amountUnits: number;
  target: CostTarget;
}

export interface LiveEnvironment {
  id: number;
  pullRequestId: number | null;
  createdAt: Date;
  deletedAt: Date | null;
}

/** One cost_samples row to be: a day × provider × metric × environment (null: shared). */
export interface AttributedCost {
  day: string;
  provider: CostProvider;
  metric: string;
  unit: string;
  environmentId: number | null;
  pullRequestId: number | null;
  quantity: number;
  amountUnits: number;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Hours of the UTC day `day` (`YYYY-MM-DD`) during which the environment existed, up to `now`. */
export function activeHours(environment: LiveEnvironment, day: string, now: Date): number {
  const start = Date.parse(`${day}T00:00:00Z`);
  const from = Math.max(start, environment.createdAt.getTime());
  const to = Math.min(
    start + DAY,
    environment.deletedAt?.getTime() ?? now.getTime(),
    now.getTime(),
  );
  return Math.max(0, to - from) / HOUR;
}

/**
 * Applies the rule above to every line and merges parts that land on the same row, so each
 * day × provider × metric × environment appears once. Deterministic: environments are taken in
 * id order and the output is sorted.
 */
export function attributeCosts(
  lines: readonly CostLine[],
  environments: readonly LiveEnvironment[],
  now: Date,
): AttributedCost[] {
  const ordered = [...environments].sort((a, b) => a.id - b.id);
  const pullRequestOf = new Map(ordered.map((env) => [env.id, env.pullRequestId]));
  const rows = new Map<string, AttributedCost>();
  const add = (line: CostLine, environmentId: number | null, quantity: number, units: number) => {
    const key = `${line.day}|${line.provider}|${line.metric}|${environmentId ?? ''}`;
    const row = rows.get(key);
    if (row) {
      row.quantity += quantity;
      row.amountUnits += units;
      return;
    }
    rows.set(key, {
      day: line.day,
      provider: line.provider,
      metric: line.metric,
      unit: line.unit,
      environmentId,
      pullRequestId: environmentId === null ? null : (pullRequestOf.get(environmentId) ?? null),
      quantity,
      amountUnits: units,
    });
  };

  for (const line of lines) {
    if (line.target.kind === 'environment') {
      add(line, line.target.environmentId, line.quantity, line.amountUnits);
      continue;
    }
    const live =
      line.target.kind === 'usage'
        ? ordered
            .map((env) => ({ env, hours: activeHours(env, line.day, now) }))
            .filter(({ hours }) => hours > 0)
        : [];
    if (live.length === 0) {
      add(line, null, line.quantity, line.amountUnits);
      continue;
    }
    const hours = live.map(({ hours }) => hours);
    const totalHours = hours.reduce((sum, value) => sum + value, 0);
    const units = largestRemainder(line.amountUnits, hours);
    live.forEach(({ env }, index) => {
      add(line, env.id, (line.quantity * hours[index]!) / totalHours, units[index]!);
    });
  }

  return [...rows.values()]
    .map((row) => ({ ...row, quantity: roundQuantity(row.quantity) }))
    .filter((row) => row.quantity !== 0 || row.amountUnits !== 0)
    .sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        a.provider.localeCompare(b.provider) ||
        a.metric.localeCompare(b.metric) ||
        (a.environmentId ?? 0) - (b.environmentId ?? 0),
    );
}
