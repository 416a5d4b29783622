import { describe, expect, it } from 'vitest';
import { cronIntervalMs, syncHealth, syncKindStatuses } from '@/lib/domain/sync-health';
import type { Project } from '@/db/schema';
import type { ProviderClients } from '@/lib/wiring/provider-clients';
import { CRON_SYNCS, cronJobs, syncIntervals } from '@/lib/sync/cron-syncs';

const MINUTE = 60_000;
const now = new Date('2026-03-01T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

describe('cronIntervalMs', () => {
  it.each([
    ['*/5 * * * *', 5 * MINUTE],
    ['*/10 * * * *', 10 * MINUTE],
    ['17 * * * *', 60 * MINUTE],
    ['30 3 * * *', 24 * 60 * MINUTE],
    ['0,30 * * * *', 30 * MINUTE],
    // Friday 17:00 to Monday 09:00.
    ['0 9-17 * * 1-5', (24 + 24 + 16) * 60 * MINUTE],
    ['0 0 1 * *', 31 * 24 * 60 * MINUTE],
  ])('%s → the longest wait between two runs', (schedule, expected) => {
    expect(cronIntervalMs(schedule)).toBe(expected);
  });

  it('names a schedule it cannot read', () => {
    expect(() => cronIntervalMs('@hourly')).toThrow('five cron fields');
    expect(() => cronIntervalMs('*/x * * * *')).toThrow('"*/x"');
    expect(() => cronIntervalMs('75 * * * *')).toThrow('out of range');
  });
});

describe('syncHealth', () => {
  const interval = 10 * MINUTE;
  it('is failing when the last run failed, whatever came before', () => {
    expect(
      syncHealth({ lastStatus: 'failed', lastSuccessAt: ago(1), intervalMs: interval, now }),
    ).toBe('failing');
  });
  it('is ok while the last success is within three intervals', () => {
    expect(
      syncHealth({ lastStatus: 'succeeded', lastSuccessAt: ago(30), intervalMs: interval, now }),
    ).toBe('ok');
    expect(
      syncHealth({ lastStatus: 'running', lastSuccessAt: ago(5), intervalMs: interval, now }),
    ).toBe('ok');
  });
  it('is stale past three intervals without a success, or when it ran and never succeeded', () => {
    expect(
      syncHealth({ lastStatus: 'succeeded', lastSuccessAt: ago(31), intervalMs: interval, now }),
    ).toBe('stale');
    expect(
      syncHealth({ lastStatus: 'running', lastSuccessAt: null, intervalMs: interval, now }),
    ).toBe('stale');
  });
  it('has not run yet, rather than stale, before its first run', () => {
    expect(syncHealth({ lastStatus: null, lastSuccessAt: null, intervalMs: interval, now })).toBe(
      'not_run',
    );
  });
});

describe('syncKindStatuses', () => {
  it('gives every known kind a row, in order, with its last run and health', () => {
    const intervals = new Map([
      ['github.pull_requests', 10 * MINUTE],
      ['neon.branches', 15 * MINUTE],
      ['uptime.probes', 5 * MINUTE],
    ]);
    const runs = [
      { kind: 'neon.branches', status: 'failed' as const },
      { kind: 'github.pull_requests', status: 'succeeded' as const },
    ];
    const success = new Map([
      ['github.pull_requests', ago(2)],
      ['neon.branches', ago(20)],
    ]);
    const statuses = syncKindStatuses(intervals, runs, success, now);
    expect(statuses.map((s) => [s.kind, s.health, s.lastRun?.status ?? null])).toEqual([
      ['github.pull_requests', 'ok', 'succeeded'],
      ['neon.branches', 'failing', 'failed'],
      ['uptime.probes', 'not_run', null],
    ]);
  });
});

describe('the cron sync list', () => {
  it('gives every sync kind an interval from the schedules in vercel.json', () => {
    const intervals = syncIntervals();
    expect([...intervals.keys()]).toEqual(CRON_SYNCS.map((sync) => sync.kind));
    expect(intervals.get('github.pull_requests')).toBe(10 * MINUTE);
    expect(intervals.get('neon.consumption')).toBe(60 * MINUTE);
    expect(intervals.get('operations.cleanup')).toBe(24 * 60 * MINUTE);
    expect(intervals.get('operations.recover')).toBe(5 * MINUTE);
  });

  it('names a cron path missing from vercel.json', () => {
    expect(() => syncIntervals({ crons: [] })).toThrow(
      'vercel.json has no cron for /api/cron/github',
    );
  });

  it('gives each cron route its jobs in order: pull requests before workflow runs and previews', () => {
    // Building a job calls no provider: the clients are only read when the job runs.
    const deps = { providers: {} as ProviderClients, project: { id: 1 } as Project, env: {} };
    expect(cronJobs('/api/cron/github', deps).map((job) => job.kind)).toEqual([
      'github.pull_requests',
      'github.workflow_runs',
      'github.team_roles',
      'previews.provision',
    ]);
    expect(cronJobs('/api/cron/uptime', deps).map((job) => job.kind)).toEqual(['uptime.probes']);
    expect(cronJobs('/api/cron/recover', deps).map((job) => job.kind)).toEqual([
      'operations.recover',
    ]);
    expect(cronJobs('/api/cron/nothing', deps)).toEqual([]);
  });
});
