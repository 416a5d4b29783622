import { describe, expect, it } from 'vitest';
import type { DbBranch } from '@/db/schema';
import type { NeonBranch } from '@/lib/providers/neon/schemas';
import {
  dbBranchDiffers,
  dbBranchRow,
  dbBranchState,
  deletedDbBranchRow,
  previewGitBranch,
} from '@/lib/sync/neon-branch-row';

const neonBranch: NeonBranch = {
  id: 'br-one',
  project_id: 'p',
  parent_id: 'br-main',
  name: 'preview/feature-x',
  current_state: 'ready',
  default: false,
  protected: false,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T11:00:00Z',
  expires_at: '2026-03-08T10:00:00Z',
  logical_size: 2048,
  compute_time_seconds: 12.6,
};

const stored = (row = dbBranchRow(7, neonBranch)): DbBranch => ({
  id: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  migrationsValidatedAt: null,
  parentNeonBranchId: null,
  isDefault: false,
  protected: false,
  logicalSizeBytes: 0,
  computeSeconds: 0,
  lastResetAt: null,
  expiresAt: null,
  deletedAt: null,
  ...row,
});

describe('Neon branch rows', () => {
  it('finds the git branch of a preview branch and nothing for other branches', () => {
    expect(previewGitBranch('preview/feature/login')).toBe('feature/login');
    expect(previewGitBranch('preview/')).toBeUndefined();
    expect(previewGitBranch('main')).toBeUndefined();
  });

  it('treats every Neon state but init as a ready branch', () => {
    expect(dbBranchState('init')).toBe('init');
    expect(['ready', 'resetting', 'archived'].map(dbBranchState)).toEqual([
      'ready',
      'ready',
      'ready',
    ]);
  });

  it('maps Neon fields to the row, whole seconds of compute', () => {
    expect(dbBranchRow(7, neonBranch)).toMatchObject({
      projectId: 7,
      neonBranchId: 'br-one',
      parentNeonBranchId: 'br-main',
      logicalSizeBytes: 2048,
      computeSeconds: 13,
      expiresAt: new Date('2026-03-08T10:00:00Z'),
      providerUpdatedAt: new Date('2026-03-01T11:00:00Z'),
      deletedAt: null,
    });
  });

  it('sees no difference in an unchanged branch, and one in a changed field', () => {
    const row = dbBranchRow(7, neonBranch);
    expect(dbBranchDiffers(stored(), row)).toBe(false);
    expect(dbBranchDiffers(undefined, row)).toBe(true);
    expect(dbBranchDiffers(stored(), { ...row, logicalSizeBytes: 4096 })).toBe(true);
    expect(dbBranchDiffers(stored(), { ...row, expiresAt: null })).toBe(true);
  });

  it('marks a branch deleted at a time no older than what is stored', () => {
    const row = stored();
    const early = new Date('2026-03-01T10:30:00Z');
    const deleted = deletedDbBranchRow(row, early);
    expect(deleted).toMatchObject({ state: 'deleted', deletedAt: early });
    expect(deleted.providerUpdatedAt).toEqual(row.providerUpdatedAt);
    expect(deleted).not.toHaveProperty('id');
  });
});
