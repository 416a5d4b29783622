import { describe, expect, it } from 'vitest';
import type { Project } from '@/db/schema';
import type { VercelProject } from '@/lib/providers/vercel/schemas';
import { isSettled, productionChange, vercelProjectIdFor } from '@/lib/sync/vercel-deployments';

const project = { slug: 'shop', vercelProjectId: null } as Project;
const base: VercelProject = {
  id: 'prj_1',
  name: 'shop',
  targets: {
    production: {
      id: 'dpl_2',
      url: 'shop-2.vercel.app',
      readyState: 'READY',
      createdAt: 1_000,
      meta: { githubCommitRef: 'main' },
    },
  },
  lastAliasRequest: null,
};

describe('the Vercel project to sync', () => {
  it('is the project’s own id, else VERCEL_PROJECT_ID, else an error naming both', () => {
    expect(vercelProjectIdFor({ ...project, vercelProjectId: 'prj_own' }, {})).toBe('prj_own');
    expect(vercelProjectIdFor(project, { VERCEL_PROJECT_ID: 'prj_env' })).toBe('prj_env');
    expect(() => vercelProjectIdFor(project, {})).toThrow(/vercel_project_id or VERCEL_PROJECT_ID/);
  });
});

describe('what production serves', () => {
  it('is nothing when Vercel names no production deployment', () => {
    expect(productionChange({ ...base, targets: { production: null } })).toBeUndefined();
  });

  it('serves since its build when no alias request put it there', () => {
    expect(productionChange(base)).toMatchObject({
      id: 'dpl_2',
      target: 'production',
      state: 'ready',
      observedAt: new Date(1_000),
    });
    expect(productionChange(base)).not.toHaveProperty('servedBy');
  });

  it('serves since the promote or rollback that put it there', () => {
    const rolledBack = productionChange({
      ...base,
      lastAliasRequest: {
        type: 'rollback',
        jobStatus: 'succeeded',
        fromDeploymentId: 'dpl_3',
        toDeploymentId: 'dpl_2',
        requestedAt: 5_000,
      },
    });
    expect(rolledBack).toMatchObject({ servedBy: 'rollback', observedAt: new Date(5_000) });
  });

  it('ignores an alias request still running or aimed at another deployment', () => {
    const request = {
      type: 'promote' as const,
      fromDeploymentId: 'dpl_1',
      requestedAt: 5_000,
    };
    const pending = { ...request, jobStatus: 'in-progress' as const, toDeploymentId: 'dpl_2' };
    const elsewhere = { ...request, jobStatus: 'succeeded' as const, toDeploymentId: 'dpl_9' };
    expect(productionChange({ ...base, lastAliasRequest: pending })).not.toHaveProperty('servedBy');
    expect(productionChange({ ...base, lastAliasRequest: elsewhere })).not.toHaveProperty(
      'servedBy',
    );
  });
});

describe('when a deployment stops holding the cursor', () => {
  const now = new Date(10 * 3_600_000);
  const created = now.getTime() - 60_000;

  it('holds it while the build runs, placed or not', () => {
    expect(isSettled({ readyState: 'BUILDING', created }, true, now)).toBe(false);
    expect(isSettled({ state: 'QUEUED', created }, true, now)).toBe(false);
  });

  it('lets go once the build is over and the board stored it', () => {
    expect(isSettled({ readyState: 'READY', created }, true, now)).toBe(true);
    expect(isSettled({ readyState: 'ERROR', created }, true, now)).toBe(true);
  });

  it('holds an unplaced one for an hour, for its preview to appear, then lets go', () => {
    expect(isSettled({ readyState: 'READY', created }, false, now)).toBe(false);
    const old = now.getTime() - 3_600_001;
    expect(isSettled({ readyState: 'READY', created: old }, false, now)).toBe(true);
  });
});
