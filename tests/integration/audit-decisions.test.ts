import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listAuditEntries, listOperations } from '@/db/queries/audit';
import type { Project, User } from '@/db/schema';
import { decideApproval, transitionOperation } from '@/db/writes/operations';
import { decodeCursor } from '@/lib/paging';
import {
  at,
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
  createUser,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

const SERVED_SHA = '3f9c2ab'.padEnd(40, '0');
const CANDIDATE_SHA = '8d01e7c'.padEnd(40, '1');

let handle: DatabaseHandle;
let project: Project;
let requester: User;
let approver: User;
let rejecter: User;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db);
  requester = await createUser(db, { githubLogin: 'rita', name: 'Rita Requester' });
  approver = await createUser(db, { githubLogin: 'abe', name: 'Abe Approver' });
  rejecter = await createUser(db, { githubLogin: 'remy', name: 'Remy Rejecter' });
  const production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  const [served, candidate] = await createDeployments(db, production, [
    { commitSha: SERVED_SHA, commitMessage: 'feat: checkout retries\n\nLonger body' },
    { commitSha: CANDIDATE_SHA, commitMessage: 'fix: basket totals round half up' },
  ]);
  const promotion = (minute: number) =>
    createOperation(db, project, {
      kind: 'promote',
      state: 'requested',
      actorId: requester.id,
      environmentId: production.id,
      requestedAt: at(minute),
      reason: 'weekly release',
      before: { deploymentId: candidate!.id, productionDeploymentId: served!.id },
    });
  const approved = await promotion(10);
  await decideApproval(
    db,
    {
      operationId: approved.id,
      approverId: approver.id,
      decision: 'approved',
      reason: 'CI green, looked at staging',
      createdAt: at(14),
    },
    { state: 'approved' },
  );
  await transitionOperation(db, approved.id, ['approved'], {
    state: 'succeeded',
    finishedAt: at(15),
  });
  const rejected = await promotion(20);
  await decideApproval(
    db,
    {
      operationId: rejected.id,
      approverId: rejecter.id,
      decision: 'rejected',
      reason: 'not during the sale',
      createdAt: at(25),
    },
    { state: 'rejected', finishedAt: at(25), error: 'rejected: not during the sale' },
  );
});

afterAll(async () => {
  await handle?.close();
});

describe('approvals and rejections in the audit log', () => {
  test('each decision is an entry of its own, its actor the decider, at the time they decided', async () => {
    const { rows } = await listOperations(handle.db, project.id, {}, { limit: 50 });
    expect(rows.map((row) => [row.action, row.actorLogin, row.requestedAt.toISOString()])).toEqual([
      ['reject', 'remy', at(25).toISOString()],
      ['promote', 'rita', at(20).toISOString()],
      ['approve', 'abe', at(14).toISOString()],
      ['promote', 'rita', at(10).toISOString()],
    ]);
    expect(rows[0]).toMatchObject({
      kind: 'promote',
      state: 'rejected',
      reason: 'not during the sale',
      environmentName: 'Production',
      operationId: rows[1]!.id,
    });
  });

  test('filtering by the approver or the rejecter finds their decision', async () => {
    const byActor = async (actor: string) =>
      (await listOperations(handle.db, project.id, { actor }, { limit: 50 })).rows.map((row) => [
        row.action,
        row.reason,
      ]);
    expect(await byActor('abe')).toEqual([['approve', 'CI green, looked at staging']]);
    expect(await byActor('remy')).toEqual([['reject', 'not during the sale']]);
    expect(await byActor('rita')).toEqual([
      ['promote', 'weekly release'],
      ['promote', 'weekly release'],
    ]);
  });

  test('filtering by action and outcome finds decisions', async () => {
    const actions = async (filters: Parameters<typeof listOperations>[2]) =>
      (await listOperations(handle.db, project.id, filters, { limit: 50 })).rows.map(
        (row) => row.action,
      );
    expect(await actions({ action: 'approve' })).toEqual(['approve']);
    expect(await actions({ action: 'reject' })).toEqual(['reject']);
    expect(await actions({ outcome: 'rejected' })).toEqual(['reject', 'promote']);
  });

  test('pages through operations and decisions without losing or repeating an entry', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listOperations(
        handle.db,
        project.id,
        {},
        { limit: 1, cursor: decodeCursor(cursor) },
      );
      seen.push(...page.rows.map((row) => `${row.action}:${row.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  test('names the deployments by commit and title, never by id', async () => {
    const { rows } = await listAuditEntries(
      handle.db,
      project.id,
      { action: 'approve' },
      { limit: 5 },
    );
    expect(rows[0]!.fields).toEqual([
      {
        label: 'Deployment',
        kind: 'text',
        from: '3f9c2ab feat: checkout retries',
        to: '8d01e7c fix: basket totals round half up',
      },
    ]);
  });
});
