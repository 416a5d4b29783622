import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { deleteMembership, findMembership, setTeamMembership } from '@/db/writes';
import { insertOperation } from '@/db/writes/operations';
import { ROLE_LABELS, type Role } from '@/lib/domain/roles';
import type { TeamGrant } from './team-roles';

/** A team-given role as it was and as it is now; null for none. */
export interface MembershipChange {
  userId: number;
  login: string;
  before: TeamGrant | null;
  after: TeamGrant | null;
}

/**
 * Brings one person's team-given role on a project in line with what their teams grant now:
 * added, raised, lowered or removed, and each change audited as made by the system, naming the
 * team. A role given by hand is never touched. Returns the change, or null when there was none.
 */
export async function applyTeamGrant(
  db: Database,
  input: {
    projectId: number;
    user: { id: number; login: string };
    grant: TeamGrant | undefined;
    now: Date;
  },
): Promise<MembershipChange | null> {
  const { projectId, user, grant, now } = input;
  return db.transaction(async (tx) => {
    const current = await findMembership(tx, user.id, projectId);
    if (current?.source === 'manual') return null;
    const before = current ? { role: current.role, team: current.team! } : null;
    if (before?.role === grant?.role && before?.team === grant?.team) return null;
    if (grant) await setTeamMembership(tx, { userId: user.id, projectId, ...grant });
    else if (current) await deleteMembership(tx, current.id);
    else return null;
    const change = { userId: user.id, login: user.login, before, after: grant ?? null };
    await auditChange(tx, projectId, change, now);
    return change;
  });
}

async function auditChange(
  db: Database,
  projectId: number,
  change: MembershipChange,
  now: Date,
): Promise<void> {
  const state = (grant: TeamGrant | null) =>
    grant ? { member: change.login, role: grant.role, team: grant.team } : { member: change.login };
  await insertOperation(db, {
    projectId,
    environmentId: null,
    kind: 'membership',
    state: 'succeeded',
    idempotencyKey: `membership:${projectId}:${change.userId}:${randomUUID()}`,
    actorId: null,
    reason: describeChange(change),
    before: state(change.before),
    after: state(change.after),
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  });
}

const label = (role: Role) => ROLE_LABELS[role];

/** One sentence for the audit log, naming the team that gave or stopped giving the role. */
export function describeChange({ login, before, after }: MembershipChange): string {
  if (!before && after) return `@${login} given ${label(after.role)} by team ${after.team}`;
  if (before && !after) {
    return `@${login} lost ${label(before.role)}: no mapped team grants a role (was ${before.team})`;
  }
  if (before && after) {
    const verb = before.role === after.role ? 'keeps' : 'now';
    return `@${login} ${verb} ${label(after.role)} by team ${after.team} (was ${label(before.role)} by ${before.team})`;
  }
  return `@${login}: no change`;
}
