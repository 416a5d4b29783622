import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoHistory } from '@/lib/demo';
import { demoProviderIds, vercelCharges } from '@/sandbox/demo';
import { launchSandboxes, sandboxPortsFromEnv, webhookTargetsFor } from '@/sandbox/launch';
import { demoClockPath, readDemoClock, writeDemoClock } from '@/scripts/demo-clock';
import { demoPartsWithoutProvider } from '@/scripts/demo-database';
import { devServerPort, providerMode } from '@/scripts/dev-mode';

const NOW = new Date('2026-03-18T14:35:00Z');
const history = demoHistory({ now: NOW });
const folder = mkdtempSync(join(tmpdir(), 'envboard-dev-launch-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('choosing between the sandboxes and the real APIs', () => {
  it('uses the sandboxes only when no provider credential is set', () => {
    expect(providerMode({})).toEqual({ mode: 'sandbox' });
    expect(providerMode({ GITHUB_TOKEN: '' })).toEqual({ mode: 'sandbox' });
    expect(providerMode({ VERCEL_TOKEN: 'v' })).toEqual({
      mode: 'providers',
      missing: ['GITHUB_TOKEN', 'NEON_API_KEY'],
    });
  });

  it('reads the dev server port as next dev does, naming a bad one', () => {
    expect(devServerPort([], {})).toBe(3000);
    expect(devServerPort([], { PORT: '4100' })).toBe(4100);
    expect(devServerPort(['-p', '3171'], { PORT: '4100' })).toBe(3171);
    expect(devServerPort(['--port=3172', '--turbo'], {})).toBe(3172);
    expect(() => devServerPort(['--port', 'abc'], {})).toThrow(/not "abc"/);
  });

  it('takes sandbox ports from the environment, naming a bad one', () => {
    expect(sandboxPortsFromEnv({})).toEqual({
      github: 4011,
      vercel: 4012,
      neon: 4013,
      chatSink: 4014,
    });
    expect(sandboxPortsFromEnv({ SANDBOX_NEON_PORT: '0' }).neon).toBe(0);
    expect(() => sandboxPortsFromEnv({ SANDBOX_VERCEL_PORT: 'x' })).toThrow(/SANDBOX_VERCEL_PORT/);
    expect(webhookTargetsFor('http://localhost:3171')).toEqual({
      github: 'http://localhost:3171/api/webhooks/github',
      vercel: 'http://localhost:3171/api/webhooks/vercel',
    });
  });

  it('says which port is taken when a sandbox cannot listen', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const ids = demoProviderIds(history);
    await expect(
      launchSandboxes({
        githubRepository: ids.githubRepository,
        neonProjectId: ids.neonProjectId,
        ports: { github: 0, vercel: port, neon: 0 },
      }),
    ).rejects.toThrow(/SANDBOX_GITHUB_PORT, SANDBOX_VERCEL_PORT and SANDBOX_NEON_PORT/);
    await new Promise((resolve) => taken.close(resolve));
  });
});

describe("the demo's clock beside the database", () => {
  it('sits beside the PGlite folder, or in .data for a database given by URL', () => {
    expect(demoClockPath({ pgliteDir: join(folder, 'pglite') })).toBe(
      join(folder, 'pglite.demo-clock.json'),
    );
    expect(demoClockPath({ url: 'postgres://localhost/envboard' })).toMatch(
      /\.data\/demo-clock\.json$/,
    );
  });

  it('reads back what was written, and nothing from a missing or damaged file', () => {
    const path = join(folder, 'nested', 'clock.json');
    expect(readDemoClock(path)).toBeUndefined();
    writeDemoClock(path, { now: NOW, seed: 7 });
    expect(readDemoClock(path)).toEqual({ now: NOW, seed: 7 });
    writeFileSync(path, '{"now": "yesterday"}');
    expect(readDemoClock(path)).toBeUndefined();
  });
});

describe('what the launcher writes from the generator rather than syncing', () => {
  const parts = demoPartsWithoutProvider(history, NOW);

  it('keeps to history a first sync cannot see', () => {
    expect(parts.pullRequests.length).toBeGreaterThan(0);
    for (const pr of parts.pullRequests) {
      expect(pr.state).not.toBe('open');
      expect(pr.providerUpdatedAt!.getTime()).toBeLessThan(parts.syncedSince.getTime());
    }
    expect(parts.dbBranches.every((branch) => branch.state === 'deleted')).toBe(true);
    const deleted = new Set(
      history.environments.filter((env) => env.status === 'deleted').map((env) => env.slug),
    );
    for (const row of parts.deployments) {
      const older = row.providerCreatedAt < parts.syncedSince;
      expect(older || deleted.has(row.environmentSlug), row.vercelId).toBe(true);
    }
    expect(parts.ciRuns.every((run) => run.providerCreatedAt! < parts.syncedSince)).toBe(true);
    for (const sample of parts.costSamples) {
      expect(sample.provider === 'monitoring' || sample.day < parts.costsFrom).toBe(true);
    }
  });

  it("leaves the providers' part to the syncs", () => {
    const open = history.pullRequests.filter((pr) => pr.state === 'open');
    expect(parts.pullRequests.some((pr) => open.includes(pr))).toBe(false);
    expect(parts.deployments.length).toBeLessThan(history.deployments.length);
    expect(parts.ciRuns.length).toBeLessThan(history.ciRuns.length);
  });
});

describe("Vercel's billing rows for the demo", () => {
  it('bills the seat to the team and usage to the deployment the environment served', () => {
    const charges = vercelCharges(history);
    const seats = charges.filter((row) => row.ServiceName === 'Seats');
    expect(seats.length).toBeGreaterThan(0);
    expect(seats.every((row) => Object.keys(row.Tags as object).length === 0)).toBe(true);
    const deploymentIds = new Set(history.deployments.map((row) => row.vercelId));
    const usage = charges.filter((row) => row.ServiceName !== 'Seats');
    for (const row of usage) {
      const tags = row.Tags as Record<string, string>;
      expect(tags.ProjectId).toBe(history.project.vercelProjectId);
      expect(deploymentIds.has(tags.DeploymentId!) || Boolean(tags.GitBranch)).toBe(true);
    }
    const lastDay = history.costSamples.at(-1)!.day;
    expect(vercelCharges(history, lastDay).length).toBeLessThan(charges.length);
  });
});
