/**
 * How healthy a sync kind is, from its runs and its cron schedule: `not_run` before its first
 * run (a fresh start is not a fault), `failing` when its last run failed, `stale` when it has not
 * succeeded for three of its cron intervals (or ran and never succeeded), `ok` otherwise. Pure,
 * so it tests without a database or a clock.
 */
export const SYNC_HEALTHS = ['ok', 'failing', 'stale', 'not_run'] as const;
export type SyncHealth = (typeof SYNC_HEALTHS)[number];

export const SYNC_HEALTH_LABEL: Record<SyncHealth, string> = {
  ok: 'OK',
  failing: 'Failing',
  stale: 'Stale',
  not_run: 'Not run yet',
};

/** Missed runs in a row before a sync counts as stale. */
export const STALE_AFTER_INTERVALS = 3;

export function syncHealth(input: {
  lastStatus: 'running' | 'succeeded' | 'failed' | null;
  lastSuccessAt: Date | null;
  intervalMs: number;
  now: Date;
}): SyncHealth {
  if (input.lastStatus === null && !input.lastSuccessAt) return 'not_run';
  if (input.lastStatus === 'failed') return 'failing';
  if (!input.lastSuccessAt) return 'stale';
  const age = input.now.getTime() - input.lastSuccessAt.getTime();
  return age > STALE_AFTER_INTERVALS * input.intervalMs ? 'stale' : 'ok';
}

const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

/** The values a cron field allows: `*`, `*\/n`, `a`, `a-b`, `a-b/n` and lists of them. */
function fieldValues(field: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`"${field}" is not a cron field envboard understands`);
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : Number(match[3] ?? (match[4] ? max : match[2]));
    const step = Number(match[4] ?? 1);
    if (from < min || to > max || step < 1) throw new Error(`"${field}" is out of range`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/**
 * The longest wait between two runs of a five-field cron schedule (UTC), e.g. `*\/10 * * * *` →
 * 10 min, `17 * * * *` → 1 h, `30 3 * * *` → 1 day. Found by walking one week minute by minute;
 * a schedule restricted by day of month or month is taken as monthly.
 */
export function cronIntervalMs(schedule: string): number {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`"${schedule}" does not have five cron fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (dayOfMonth !== '*' || month !== '*') return 31 * 24 * 60 * MINUTE_MS;
  const minutes = fieldValues(minute, 0, 59);
  const hours = fieldValues(hour, 0, 23);
  const days = fieldValues(dayOfWeek.replace(/\b7\b/g, '0'), 0, 6);
  const firings: number[] = [];
  for (let at = 0; at < WEEK_MINUTES; at++) {
    const day = Math.floor(at / 1440);
    if (days.has(day) && hours.has(Math.floor(at / 60) % 24) && minutes.has(at % 60)) {
      firings.push(at);
    }
  }
  if (firings.length === 0) throw new Error(`"${schedule}" never fires`);
  let longest = firings[0]! + WEEK_MINUTES - firings.at(-1)!;
  for (let i = 1; i < firings.length; i++) {
    longest = Math.max(longest, firings[i]! - firings[i - 1]!);
  }
  return longest * MINUTE_MS;
}

/** What the Sync status page shows per kind: its last run, when it last succeeded, its health. */
export interface SyncKindStatus<Run> {
  kind: string;
  intervalMs: number;
  lastRun: Run | null;
  lastSuccessAt: Date | null;
  health: SyncHealth;
}

/** One status per known kind, in the given order, from the newest run and last success of each. */
export function syncKindStatuses<
  Run extends { kind: string; status: 'running' | 'succeeded' | 'failed' },
>(
  intervals: ReadonlyMap<string, number>,
  latestRuns: readonly Run[],
  lastSuccess: ReadonlyMap<string, Date>,
  now: Date,
): SyncKindStatus<Run>[] {
  return [...intervals].map(([kind, intervalMs]) => {
    const lastRun = latestRuns.find((run) => run.kind === kind) ?? null;
    const lastSuccessAt = lastSuccess.get(kind) ?? null;
    return {
      kind,
      intervalMs,
      lastRun,
      lastSuccessAt,
      health: syncHealth({ lastStatus: lastRun?.status ?? null, lastSuccessAt, intervalMs, now }),
    };
  });
}
