import { eq } from 'drizzle-orm';
import { mulberry32 } from '../../lib/demo/mulberry32';
import type { Database } from '../../db/client';
import {
  deployments,
  type Environment,
  type NewCiRun,
  type NewDeployment,
  type NewUptimeCheck,
} from '../../db/schema';
import {
  recordTestRun,
  recordTestRuns,
  recordUptimeChecks,
  setDeploymentSource,
  type TestReport,
  upsertCiRun,
  upsertCiRuns,
  upsertDeployments,
} from '../../db/writes';
import { recordPromotion } from '../../db/writes/operations';
import { HOUR, MINUTE, sha } from './factories';

/**
 * A random history of deployments, CI runs, test reports and uptime checks over a dozen days,
 * written through the real write functions in the order it would arrive: each row reaches the
 * board some time after it happened (now and then days late), some rows arrive twice, and an
 * older copy of a deployment or CI run sometimes arrives after the newer one. Seeded, so a
 * failure replays.
 */

/** The history's seeded generator, uniform in [0, 1): the demo's mulberry32. */
export const randomSource = mulberry32;

const DAY = 24 * HOUR;
const DAYS = 12;

interface Arrival {
  at: number;
  /** Rows of one kind arriving together are written in one batch call. */
  batch?: { kind: 'deployments' | 'ci' | 'tests' | 'uptime'; key: string };
  write: (db: Database, now: Date) => Promise<void>;
  row?: unknown;
  /** An uptime write that is not a batchable row: it moves "today" too. */
  uptime?: true;
}

export interface ReplayResult {
  /** The write time of the last uptime batch: its day is today, live and not stored. */
  uptimeNow: Date;
  writes: number;
}

export function historyStart(seed: number): number {
  // Start on varying weekdays so ISO weeks split the span differently per seed.
  return Date.UTC(2026, 2, 2) + (seed % 7) * DAY;
}

/** Generates and writes a history for the given environments (of one or more projects). */
export async function writeRandomHistory(
  db: Database,
  environments: readonly Environment[],
  seed: number,
): Promise<ReplayResult> {
  const random = randomSource(seed);
  const start = historyStart(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const when = () => start + Math.floor(random() * DAYS * DAY);
  /** Usually minutes after the fact; one time in six, one to three days late. */
  const delay = () =>
    random() < 1 / 6 ? int(1, 3) * DAY + int(0, 600) * MINUTE : int(0, 30) * MINUTE;
  const arrivals: Arrival[] = [];
  const tag = `s${seed}`;

  // Deployments: a first copy while building, then the outcome; now and then a duplicate of the
  // outcome, or the building copy again after it.
  for (let i = 0; i < 30; i++) {
    const environment = pick(environments);
    const created = when();
    const base: NewDeployment = {
      projectId: environment.projectId,
      environmentId: environment.id,
      vercelId: `dpl_${tag}_${i}`,
      url: `app-${tag}-${i}.vercel.app`,
      target: environment.kind,
      state: 'building',
      source: pick(['git', 'git', 'git', 'promote', 'rollback', 'redeploy'] as const),
      gitBranch: environment.gitBranch,
      commitSha: sha(seed * 1000 + i),
      commitMessage: `Change ${i}`,
      commitAuthor: 'alice',
      providerCreatedAt: new Date(created),
      providerUpdatedAt: new Date(created),
    };
    const outcome: NewDeployment = {
      ...base,
      state: pick(['ready', 'ready', 'error', 'canceled'] as const),
      providerUpdatedAt: new Date(created + 10 * MINUTE),
    };
    const first = created + delay();
    const upsert = (row: NewDeployment, at: number) =>
      arrivals.push({
        at,
        batch: { kind: 'deployments', key: row.vercelId },
        row,
        write: (db) => upsertDeployments(db, [row]).then(() => undefined),
      });
    upsert(base, first);
    const done = Math.max(first, created + 10 * MINUTE) + delay();
    upsert(outcome, done);
    if (random() < 0.2) upsert(outcome, done + delay());
    if (random() < 0.2) upsert(base, done + delay());
    if (random() < 0.15) {
      // News of a rollback labels a deployment already stored.
      arrivals.push({
        at: done + delay(),
        write: async (db) => {
          const [row] = await db
            .select()
            .from(deployments)
            .where(eq(deployments.vercelId, base.vercelId));
          if (row) await setDeploymentSource(db, row.id, 'rollback');
        },
      });
    }
  }

  // CI runs: in progress first, then completed (or still running); duplicates and stale copies.
  for (let i = 0; i < 30; i++) {
    const environment = pick(environments);
    const created = when();
    const running: NewCiRun = {
      projectId: environment.projectId,
      githubRunId: seed * 100_000 + i,
      workflowName: pick(['CI', 'Deploy', 'Nightly']),
      event: 'push',
      headBranch: 'main',
      headSha: sha(seed * 1000 + i),
      status: 'in_progress',
      providerCreatedAt: new Date(created),
      providerUpdatedAt: new Date(created + MINUTE),
    };
    const finished: NewCiRun = {
      ...running,
      status: random() < 0.85 ? 'completed' : 'in_progress',
      conclusion: pick([
        'success',
        'success',
        'failure',
        'cancelled',
        'timed_out',
        'skipped',
      ] as const),
      queueMs: random() < 0.9 ? int(0, 120_000) : null,
      durationMs: random() < 0.9 ? int(30_000, 900_000) : null,
      providerUpdatedAt: new Date(created + 20 * MINUTE),
    };
    if (finished.status !== 'completed') finished.conclusion = null;
    const upsert = (row: NewCiRun, at: number) =>
      arrivals.push({
        at,
        batch: { kind: 'ci', key: String(row.githubRunId) },
        row,
        write: (db) => upsertCiRun(db, row).then(() => undefined),
      });
    const first = created + delay();
    upsert(running, first);
    const done = Math.max(first, created + 20 * MINUTE) + delay();
    upsert(finished, done);
    if (random() < 0.2) upsert(finished, done + delay());
    if (random() < 0.2) upsert(running, done + delay());
  }

  // Test reports: a few cases each from a small pool of tests, so tests recur across runs.
  for (let i = 0; i < 30; i++) {
    const environment = pick(environments);
    const started = when();
    const report: TestReport = {
      run: {
        projectId: environment.projectId,
        externalId: `report-${tag}-${i}`,
        suite: pick(['unit', 'integration', 'e2e'] as const),
        commitSha: sha(seed * 1000 + i),
        branch: 'main',
        startedAt: new Date(started),
        durationMs: 30_000,
        coveragePct: random() < 0.7 ? int(5000, 9999) / 100 : null,
      },
      cases: Array.from({ length: int(1, 6) }, (_, index) => ({
        file: pick(['a.test.ts', 'b.test.ts']),
        name: `test ${index}`,
        status: pick(['passed', 'passed', 'failed', 'flaky', 'skipped'] as const),
        durationMs: int(1, 500),
        retries: 0,
      })),
    };
    const at = started + delay();
    const record = (arrival: number) =>
      arrivals.push({
        at: arrival,
        batch: { kind: 'tests', key: report.run.externalId },
        row: report,
        write: (db) => recordTestRun(db, report.run, report.cases).then(() => undefined),
      });
    record(at);
    if (random() < 0.2) record(at + delay());
  }

  // Uptime checks every six hours per environment, a probe run's on-time checks written as one
  // batch; late ones, alone, before the last probe run.
  const end = start + DAYS * DAY + 6 * HOUR;
  const beforeEnd = (at: number) => Math.min(at, end - MINUTE);
  for (let at = start; at < start + DAYS * DAY; at += 6 * HOUR) {
    const onTime: NewUptimeCheck[] = [];
    for (const environment of environments) {
      const ok = random() < 0.85;
      const check: NewUptimeCheck = {
        environmentId: environment.id,
        checkedAt: new Date(at),
        ok,
        statusCode: ok ? 200 : 503,
        latencyMs: ok || random() < 0.5 ? int(20, 900) : null,
      };
      const record = (arrival: number) =>
        arrivals.push({
          at: arrival,
          batch: { kind: 'uptime', key: `${check.environmentId}@${at}` },
          row: check,
          write: (db, now) => recordUptimeChecks(db, [check], { now }),
        });
      if (random() < 0.1) record(beforeEnd(at + delay() + DAY));
      else onTime.push(check);
      if (random() < 0.05) record(beforeEnd(at + delay()));
    }
    arrivals.push({
      at,
      uptime: true,
      write: (db, now) => recordUptimeChecks(db, onTime, { now }),
    });
  }

  // A last probe run a few hours into the day after, after every other check: that day is
  // today, the ones before closed.
  for (const environment of environments) {
    const check: NewUptimeCheck = {
      environmentId: environment.id,
      checkedAt: new Date(end),
      ok: true,
      latencyMs: 42,
    };
    arrivals.push({
      at: end,
      batch: { kind: 'uptime', key: `${environment.id}@${end}` },
      row: check,
      write: (db, now) => recordUptimeChecks(db, [check], { now }),
    });
  }
  arrivals.push({ at: end - HOUR, write: (db) => promoteInPlace(db, environments, tag) });
  arrivals.push({
    at: end - HOUR,
    write: (db, now) => promoteAsNewDeployment(db, environments, tag, now),
  });
  return replay(db, arrivals, random);
}

/** Writes the arrivals in time order, joining neighbours of one kind into batch calls. */
async function replay(
  db: Database,
  arrivals: Arrival[],
  random: () => number,
): Promise<ReplayResult> {
  const ordered = arrivals
    .map((arrival) => ({ arrival, tie: random() }))
    .sort((a, b) => a.arrival.at - b.arrival.at || a.tie - b.tie)
    .map(({ arrival }) => arrival);
  let uptimeNow = new Date(0);
  let writes = 0;
  for (let i = 0; i < ordered.length;) {
    const first = ordered[i]!;
    const now = new Date(first.at);
    const group = [first];
    // A batch holds each row once (one INSERT cannot upsert a row twice) and up to five rows.
    const keys = new Set(first.batch ? [first.batch.key] : []);
    while (first.batch && group.length < 5 && random() < 0.6) {
      const candidate = ordered[i + group.length];
      if (
        !candidate?.batch ||
        candidate.batch.kind !== first.batch.kind ||
        keys.has(candidate.batch.key)
      )
        break;
      keys.add(candidate.batch.key);
      group.push(candidate);
    }
    i += group.length;
    writes++;
    if (first.batch?.kind === 'uptime' || first.uptime) uptimeNow = now;
    if (group.length === 1) {
      await first.write(db, now);
      continue;
    }
    const rows = group.map((arrival) => arrival.row);
    switch (first.batch!.kind) {
      case 'deployments':
        await upsertDeployments(db, rows as NewDeployment[]);
        break;
      case 'ci':
        await upsertCiRuns(db, rows as NewCiRun[]);
        break;
      case 'tests':
        await recordTestRuns(db, rows as TestReport[]);
        break;
      case 'uptime':
        await recordUptimeChecks(db, rows as NewUptimeCheck[], { now });
        break;
    }
  }
  return { uptimeNow, writes };
}

/** The newest ready deployment of a non-production environment is promoted where it stands. */
async function promoteInPlace(db: Database, environments: readonly Environment[], tag: string) {
  const [source] = await db
    .select()
    .from(deployments)
    .where(eq(deployments.vercelId, `dpl_${tag}_0`));
  const production = productionOf(environments, source?.projectId);
  if (!production || !source) return;
  await recordPromotion(db, {
    productionEnvironmentId: production.id,
    source,
    served: { vercelId: source.vercelId, url: source.url },
    at: new Date(source.providerUpdatedAt.getTime() + HOUR),
  });
}

/** Vercel builds a new production deployment from another: stored at the promotion's time. */
async function promoteAsNewDeployment(
  db: Database,
  environments: readonly Environment[],
  tag: string,
  now: Date,
) {
  const [source] = await db
    .select()
    .from(deployments)
    .where(eq(deployments.vercelId, `dpl_${tag}_1`));
  const production = productionOf(environments, source?.projectId);
  if (!production || !source) return;
  await recordPromotion(db, {
    productionEnvironmentId: production.id,
    source,
    served: { vercelId: `dpl_${tag}_promoted`, url: `promoted-${tag}.vercel.app` },
    at: now,
  });
}

const productionOf = (environments: readonly Environment[], projectId: number | undefined) =>
  environments.find((e) => e.kind === 'production' && e.projectId === projectId);
