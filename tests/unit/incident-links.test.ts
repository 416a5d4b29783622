import { describe, expect, test } from 'vitest';
import { type LinkableDeployment, linkIncidents } from '@/lib/domain/incident-links';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const START = Date.parse('2026-11-02T12:00:00Z');
const at = (ms: number) => new Date(START + ms);

const deployment = (
  id: number,
  servingAfter: number,
  state: LinkableDeployment['state'] = 'ready',
): LinkableDeployment => ({ id, state, servingAt: at(servingAfter) });
const incident = (startAfter: number) => ({ startedAt: at(startAfter) });

/** Each incident's linked deployment id (or null) and whether it is suspected. */
const links = (
  deployments: LinkableDeployment[],
  incidents: { startedAt: Date }[],
  suspectWindowHours?: number,
) =>
  linkIncidents(deployments, incidents, { suspectWindowHours }).map((link) => [
    link.deployment?.id ?? null,
    link.suspected,
  ]);

describe('linking an incident to the deployment serving when it began', () => {
  test.each([
    ['began serving 5 minutes before: suspected', 5 * MINUTE, [1, true]],
    ['began serving exactly 2 hours before: the window edge is suspected', 2 * HOUR, [1, true]],
    [
      'began serving 2 hours and a minute before: linked, not suspected',
      2 * HOUR + MINUTE,
      [1, false],
    ],
    ['began serving at the same instant: it was serving, suspected', 0, [1, true]],
  ])('%s', (_name, gap, expected) => {
    expect(links([deployment(1, 0)], [incident(gap)])).toEqual([expected]);
  });

  test('the last deployment before the incident wins, whatever order they come in', () => {
    const deployments = [deployment(3, 30 * MINUTE), deployment(1, -3 * HOUR), deployment(2, 0)];
    expect(links(deployments, [incident(20 * MINUTE)])).toEqual([[2, true]]);
  });

  test('a deployment that began serving after the incident began, during it, is not its cause', () => {
    const deployments = [deployment(1, -5 * HOUR), deployment(2, 10 * MINUTE)];
    expect(links(deployments, [incident(0)])).toEqual([[1, false]]);
  });

  test('with no deployment serving yet the incident is linked to nothing', () => {
    expect(links([], [incident(0)])).toEqual([[null, false]]);
    expect(links([deployment(1, HOUR)], [incident(0)])).toEqual([[null, false]]);
  });

  test('builds that never became ready never served', () => {
    const deployments = [deployment(1, -HOUR), deployment(2, -MINUTE, 'error')];
    expect(links(deployments, [incident(0)])).toEqual([[1, true]]);
  });

  test('two incidents after one deployment: the first is suspected, the later one only linked', () => {
    expect(links([deployment(1, 0)], [incident(10 * MINUTE), incident(5 * HOUR)])).toEqual([
      [1, true],
      [1, false],
    ]);
  });

  test('two incidents each after their own deployment, answered in the incidents’ order', () => {
    const deployments = [deployment(1, 0), deployment(2, 6 * HOUR)];
    expect(links(deployments, [incident(6 * HOUR + 5 * MINUTE), incident(MINUTE)])).toEqual([
      [2, true],
      [1, true],
    ]);
  });

  test('the suspect window is a setting', () => {
    expect(links([deployment(1, 0)], [incident(3 * HOUR)], 4)).toEqual([[1, true]]);
    expect(links([deployment(1, 0)], [incident(3 * HOUR)], 1)).toEqual([[1, false]]);
  });
});
