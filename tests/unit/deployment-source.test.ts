import { describe, expect, test } from 'vitest';
import { DEPLOYMENT_SOURCE_LABELS } from '@/lib/domain/deployments';
import { buildOrigin, sourceAfter } from '@/lib/reconcile/vercel-deployment-state';

const production = { kind: 'production' as const, gitBranch: 'main' };
const staging = { kind: 'staging' as const, gitBranch: 'develop' };
const git = (branch: string) => ({ githubCommitRef: branch, githubCommitSha: 'a'.repeat(40) });

describe("a deployment's origin", () => {
  test('git metadata naming the commit is a git build, unless production serves another branch', () => {
    expect(buildOrigin(git('main'), production)).toBe('git');
    expect(buildOrigin(git('develop'), staging)).toBe('git');
    expect(buildOrigin(git('develop'), production)).toBe('unknown');
    expect(buildOrigin({}, staging)).toBe('unknown');
  });

  test('a promotion relabels a git or unknown build; a rollback only an unknown one', () => {
    expect(sourceAfter('git', 'promote')).toBe('promote');
    expect(sourceAfter('unknown', 'promote')).toBe('promote');
    expect(sourceAfter('rollback', 'promote')).toBe('rollback');
    expect(sourceAfter('git', 'rollback')).toBe('git');
    expect(sourceAfter('unknown', 'rollback')).toBe('rollback');
    expect(sourceAfter('unknown', undefined)).toBe('unknown');
  });

  test('the board words an unknown origin as unknown, never as git', () => {
    expect(DEPLOYMENT_SOURCE_LABELS.unknown).toBe('Origin unknown');
    expect(DEPLOYMENT_SOURCE_LABELS.promote).toBe('Promoted');
  });
});
