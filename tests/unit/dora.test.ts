import { describe, expect, test } from 'vitest';
import {
  type DoraDeployment,
  type DoraIncident,
  doraBand,
  doraPeriod,
  failedDeploymentIds,
  median,
  perWeek,
  pullRequestNumberInMessage,
  restores,
  summarizeDora,
} from '@/lib/domain/dora';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;
/** Monday 2 Nov 2026, 00:00 UTC. */
const MONDAY = Date.parse('2026-11-02T00:00:00Z');
const at = (ms: number) => new Date(MONDAY + ms);

let nextId = 1;
function deployment(
  servingAfter: number,
  options: Partial<Omit<DoraDeployment, 'servingAt'>> & { leadTime?: number } = {},
): DoraDeployment {
  const { leadTime, ...rest } = options;
  return {
    id: nextId++,
    source: 'promote',
    state: 'ready',
    createdAt: at(servingAfter - 10_000),
    servingAt: at(servingAfter),
    changeStartedAt: leadTime === undefined ? null : at(servingAfter - leadTime),
    ...rest,
  };
}

const incident = (start: number, end: number | null): DoraIncident => ({
  startedAt: at(start),
  resolvedAt: end === null ? null : at(end),
});

describe('what counts as a deployment', () => {
  test('git builds and promotions that became ready count; rollbacks, redeploys and failures do not', () => {
    const history = {
      deployments: [
        deployment(1 * HOUR, { source: 'git' }),
        deployment(2 * HOUR, { source: 'promote' }),
        deployment(3 * HOUR, { source: 'rollback' }),
        deployment(4 * HOUR, { source: 'redeploy' }),
        deployment(5 * HOUR, { source: 'unknown' }),
        deployment(6 * HOUR, { source: 'promote', state: 'error' }),
      ],
      incidents: [],
    };
    expect(doraPeriod(history, at(0), at(DAY)).deployments).toBe(2);
  });

  test('deployments a week scale the count to the span', () => {
    expect(perWeek(3, at(0), at(7 * DAY))).toBe(3);
    expect(perWeek(2, at(0), at(1 * DAY))).toBe(14);
    expect(perWeek(5, at(0), at(0))).toBe(0);
  });
});

describe('change failure rate', () => {
  test('charges a rollback and an incident to the deployment serving when they happened', () => {
    const good = deployment(10 * HOUR);
    const bad = deployment(30 * HOUR);
    const rollback = deployment(30 * HOUR + 28 * MINUTE, { source: 'rollback' });
    const fix = deployment(33 * HOUR);
    const history = {
      deployments: [good, bad, rollback, fix],
      incidents: [incident(30 * HOUR + 5 * MINUTE, 30 * HOUR + 35 * MINUTE)],
    };
    expect([...failedDeploymentIds(history.deployments, history.incidents)]).toEqual([bad.id]);
    const period = doraPeriod(history, at(0), at(7 * DAY));
    expect(period).toMatchObject({ deployments: 3, failedDeployments: 1 });
    expect(period.changeFailureRate).toBeCloseTo(1 / 3);
  });

  test('an incident more than the suspect window (2 hours) after the last deployment fails nothing', () => {
    const deployments = [deployment(0)];
    expect(failedDeploymentIds(deployments, [incident(2 * HOUR + MINUTE, null)]).size).toBe(0);
    expect(failedDeploymentIds(deployments, [incident(2 * HOUR, null)]).size).toBe(1);
    expect(
      failedDeploymentIds(deployments, [incident(3 * HOUR, null)], { suspectWindowHours: 4 }).size,
    ).toBe(1);
  });

  test('an incident while a redeploy serves is linked to the redeploy, which ships no change', () => {
    const change = deployment(0);
    const redeploy = deployment(20 * MINUTE, { source: 'redeploy' });
    expect([...failedDeploymentIds([change, redeploy], [incident(HOUR, null)])]).toEqual([]);
  });

  test('is unknown without deployments', () => {
    expect(doraPeriod({ deployments: [], incidents: [] }, at(0), at(DAY))).toEqual({
      deployments: 0,
      failedDeployments: 0,
      leadTimeMs: null,
      changeFailureRate: null,
      restores: 0,
      timeToRestoreMs: null,
    });
  });
});

describe('lead time for changes', () => {
  test('is the median from the change starting to its serving, skipping unknown starts', () => {
    const history = {
      deployments: [
        deployment(1 * DAY, { leadTime: 2 * HOUR }),
        deployment(2 * DAY, { leadTime: 6 * HOUR }),
        deployment(3 * DAY, { leadTime: 30 * HOUR }),
        deployment(4 * DAY),
        deployment(5 * DAY, { source: 'rollback', leadTime: 1 * HOUR }),
      ],
      incidents: [],
    };
    expect(doraPeriod(history, at(0), at(7 * DAY)).leadTimeMs).toBe(6 * HOUR);
  });

  test('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('time to restore', () => {
  test('an incident runs to its resolution; a rollback without one, from the replaced build', () => {
    const earlier = deployment(1 * HOUR);
    const bad = deployment(2 * HOUR);
    const quietRollback = deployment(5 * HOUR, { source: 'rollback' });
    const bad2 = deployment(30 * HOUR);
    const coveredRollback = deployment(30 * HOUR + 20 * MINUTE, { source: 'rollback' });
    const deployments = [earlier, bad, quietRollback, bad2, coveredRollback];
    const incidents = [
      incident(30 * HOUR + 5 * MINUTE, 30 * HOUR + 35 * MINUTE),
      incident(50 * HOUR, null),
    ];
    const restored = restores(deployments, incidents).map(
      (r) => r.restoredAt.getTime() - r.startedAt.getTime(),
    );
    expect(restored.sort((a, b) => a - b)).toEqual([30 * MINUTE, 3 * HOUR]);
    expect(doraPeriod({ deployments, incidents }, at(0), at(7 * DAY)).timeToRestoreMs).toBe(
      (30 * MINUTE + 3 * HOUR) / 2,
    );
  });

  test('an incident no deployment is suspected of is not a change failure to restore', () => {
    const deployments = [deployment(0)];
    expect(restores(deployments, [incident(5 * HOUR, 6 * HOUR)])).toEqual([]);
    expect(restores(deployments, [incident(HOUR, 2 * HOUR)])).toEqual([
      { startedAt: at(HOUR), restoredAt: at(2 * HOUR) },
    ]);
  });
});

describe('bands (State of DevOps 2023)', () => {
  test('deployment frequency: daily is elite, weekly high, monthly medium, rarer low', () => {
    expect(doraBand('deploymentFrequency', 10)).toBe('elite');
    expect(doraBand('deploymentFrequency', 7)).toBe('elite');
    expect(doraBand('deploymentFrequency', 2)).toBe('high');
    expect(doraBand('deploymentFrequency', 0.5)).toBe('medium');
    expect(doraBand('deploymentFrequency', 0.1)).toBe('low');
  });

  test('lead time and time to restore: shorter is better', () => {
    expect(doraBand('leadTime', 5 * HOUR)).toBe('elite');
    expect(doraBand('leadTime', 3 * DAY)).toBe('high');
    expect(doraBand('leadTime', 20 * DAY)).toBe('medium');
    expect(doraBand('leadTime', 40 * DAY)).toBe('low');
    expect(doraBand('timeToRestore', 30 * MINUTE)).toBe('elite');
    expect(doraBand('timeToRestore', 3 * HOUR)).toBe('high');
    expect(doraBand('timeToRestore', 3 * DAY)).toBe('medium');
    expect(doraBand('timeToRestore', 10 * DAY)).toBe('low');
  });

  test('change failure rate: 5 %, 10 % and 15 % are the edges; no data has no band', () => {
    expect(doraBand('changeFailureRate', 0)).toBe('elite');
    expect(doraBand('changeFailureRate', 0.05)).toBe('elite');
    expect(doraBand('changeFailureRate', 0.08)).toBe('high');
    expect(doraBand('changeFailureRate', 0.15)).toBe('medium');
    expect(doraBand('changeFailureRate', 0.5)).toBe('low');
    expect(doraBand('changeFailureRate', null)).toBeNull();
  });
});

describe('summarizeDora', () => {
  test('gives the current figures with their bands and one row per ISO week', () => {
    const history = {
      deployments: [
        deployment(1 * DAY, { leadTime: 2 * HOUR }),
        deployment(2 * DAY, { leadTime: 4 * HOUR }),
        deployment(8 * DAY, { leadTime: 3 * DAY }),
      ],
      incidents: [incident(8 * DAY + HOUR, 8 * DAY + 3 * HOUR)],
    };
    const summary = summarizeDora(history, {
      from: at(0),
      to: at(10 * DAY),
      weeks: ['2026-11-02', '2026-11-09'],
    });
    expect(summary.figures.deploymentFrequency.value).toBeCloseTo(2.1);
    expect(summary.figures.deploymentFrequency.band).toBe('high');
    expect(summary.figures.leadTime).toMatchObject({ value: 4 * HOUR, band: 'elite' });
    expect(summary.figures.changeFailureRate.value).toBeCloseTo(1 / 3);
    expect(summary.figures.changeFailureRate.band).toBe('low');
    expect(summary.figures.timeToRestore).toMatchObject({ value: 2 * HOUR, band: 'high' });
    expect(summary.weeks.map((w) => [w.week, w.deployments, w.failedDeployments])).toEqual([
      ['2026-11-02', 2, 0],
      ['2026-11-09', 1, 1],
    ]);
    expect(summary.weeks[0]!.leadTimeMs).toBe(3 * HOUR);
  });
});

describe('pullRequestNumberInMessage', () => {
  test("reads GitHub's squash and merge messages, and nothing else", () => {
    expect(pullRequestNumberInMessage('feat: faster checkout (#123)')).toBe(123);
    expect(pullRequestNumberInMessage('fix: x (#12)\n\n* details')).toBe(12);
    expect(pullRequestNumberInMessage('Merge pull request #7 from acme/fix')).toBe(7);
    expect(pullRequestNumberInMessage('refs #9 in the middle')).toBeNull();
  });
});

describe('a long history', () => {
  test('judges a rollback against the latest other build serving before it, among thousands', () => {
    const HOUR = 3_600_000;
    const start = Date.UTC(2026, 0, 1);
    const deployments = Array.from({ length: 3000 }, (_, index) => ({
      id: index + 1,
      source: 'git' as const,
      state: 'ready' as const,
      createdAt: new Date(start + index * HOUR),
      servingAt: new Date(start + index * HOUR + 60_000),
      changeStartedAt: null,
    }));
    // Ten minutes after build 2001 starts serving, production rolls back.
    const rollback = {
      id: 9999,
      source: 'rollback' as const,
      state: 'ready' as const,
      createdAt: new Date(start + 2000 * HOUR + 10 * 60_000),
      servingAt: new Date(start + 2000 * HOUR + 12 * 60_000),
      changeStartedAt: null,
    };
    const history = { deployments: [...deployments, rollback], incidents: [] };
    expect([...failedDeploymentIds(history.deployments, history.incidents)]).toEqual([2001]);
    expect(restores(history.deployments, history.incidents)).toEqual([
      { startedAt: deployments[2000]!.servingAt, restoredAt: rollback.servingAt },
    ]);
  });
});
