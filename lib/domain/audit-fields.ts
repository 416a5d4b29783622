import type { AuditEntry } from './audit';
import { commitTitle } from './operation-names';

/** A deployment as an audit entry names it: by commit and title, never by its database id. */
export interface DeploymentSummary {
  commitSha: string;
  commitMessage: string;
  url: string;
}

/** How a field's value reads: plain text, an instant, a link, or a name to copy. */
export type AuditValueKind = 'text' | 'time' | 'url' | 'copyable';

/** One labelled detail of an entry: what it was before and what it became (either may be absent). */
export interface AuditField {
  label: string;
  from?: string;
  to?: string;
  kind: AuditValueKind;
}

type State = Record<string, unknown> | null;
type Deployments = ReadonlyMap<number, DeploymentSummary>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const id = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** "3f9c2ab feat: checkout retries" — a deployment not stored reads as "a deployment no longer stored". */
export function deploymentName(value: unknown, deployments: Deployments): string | undefined {
  const key = id(value);
  if (key === undefined) return undefined;
  const found = deployments.get(key);
  if (!found) return 'a deployment no longer stored';
  return commitTitle(found);
}

/** The deployment ids an entry's details name, to look up once for a whole page. */
export function deploymentIdsOf(entries: readonly AuditEntry[]): number[] {
  const keys = ['deploymentId', 'productionDeploymentId', 'targetDeploymentId'];
  const found = new Set<number>();
  for (const entry of entries) {
    for (const state of [entry.before, entry.after]) {
      for (const key of keys) {
        const value = id(state?.[key]);
        if (value !== undefined) found.add(value);
      }
    }
  }
  return [...found];
}

function field(
  label: string,
  from: string | undefined,
  to: string | undefined,
  kind: AuditValueKind = 'text',
): AuditField[] {
  return from === undefined && to === undefined ? [] : [{ label, kind, from, to }];
}

/** A role change's side: "release manager (acme/release)", or "no role". */
function roleHeld(state: State): string {
  const role = text(state?.role);
  if (!role) return 'no role';
  const name = role.replace('_', ' ');
  return text(state?.team) ? `${name} (${String(state!.team)})` : name;
}

function count(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

/**
 * An entry's details as labelled fields, each read from what the operation recorded before and
 * after it ran: the deployment (by commit and title), the commit, the URL served, the database
 * branch, the backup branch a restore kept and the time it restored to.
 */
export function auditFields(entry: AuditEntry, deployments: Deployments): AuditField[] {
  const before = entry.before;
  const after = entry.after;
  const name = (value: unknown) => deploymentName(value, deployments);
  switch (entry.kind) {
    case 'membership':
      return [{ label: 'Role', kind: 'text', from: roleHeld(before), to: roleHeld(after) }];
    case 'promote':
      return [
        ...field('Deployment', name(before?.productionDeploymentId), name(before?.deploymentId)),
        ...field('Commit', undefined, text(before?.commitSha)),
        ...field('URL', undefined, text(after?.servedUrl), 'url'),
      ];
    case 'rollback':
      return [
        ...field(
          'Deployment',
          name(before?.productionDeploymentId),
          name(after?.productionDeploymentId ?? before?.targetDeploymentId),
        ),
        ...field('Restored to', undefined, text(after?.restoredTo), 'time'),
        ...field('Backup branch', undefined, text(after?.backupBranch), 'copyable'),
      ];
    case 'reseed':
      return [
        ...field('Database branch', undefined, text(before?.dbBranch), 'copyable'),
        ...field('Last reset', text(before?.lastResetAt), text(after?.lastResetAt), 'time'),
        ...field('Backup branch', undefined, text(after?.backupBranch), 'copyable'),
      ];
    case 'provision':
      return [
        ...field('Commit', undefined, text(before?.headSha)),
        ...field('Database branch', undefined, text(after?.dbBranch), 'copyable'),
      ];
    case 'delete': {
      const deleted = count(after?.deployments) ?? count(before?.deployments);
      return [
        ...field('Git branch', text(before?.gitBranch), undefined),
        ...field(
          'Database branch',
          text(before?.dbBranch),
          text(after?.dbBranchDeleted) && 'deleted',
        ),
        ...field(
          'Deployments',
          undefined,
          deleted === undefined ? undefined : `${deleted} deleted`,
        ),
      ];
    }
    case 'cleanup':
      return [
        ...field('Previews', undefined, deletedCount(after?.previews)),
        ...field('Orphaned branches', undefined, deletedCount(after?.orphanBranches)),
        ...field('Orphaned deployments', undefined, deletedCount(after?.orphanDeployments)),
      ];
    case 'pin':
      return [
        ...field('Pinned until', text(before?.pinnedUntil), text(after?.pinnedUntil), 'time'),
        ...field('Pin reason', text(before?.pinReason), text(after?.pinReason)),
        ...field('Pinned by', text(before?.pinnedBy), text(after?.pinnedBy)),
      ];
    case 'freeze':
      return [
        ...field('Frozen from', text(before?.frozenFrom), text(after?.frozenFrom), 'time'),
        ...field('Frozen until', text(before?.frozenUntil), text(after?.frozenUntil), 'time'),
        ...field('Freeze reason', text(before?.freezeReason), text(after?.freezeReason)),
        ...field('Frozen by', text(before?.frozenBy), text(after?.frozenBy)),
      ];
    case 'api_token':
      return [
        ...field('Scopes', undefined, scopeList(after?.scopes)),
        ...field('Status', before ? 'active' : undefined, after?.revoked ? 'revoked' : 'active'),
      ];
    // A channel change is summed up in its reason: the URL is a secret, its mask says little.
    case 'alert_channel':
      return [];
  }
}

const scopeList = (value: unknown): string | undefined =>
  Array.isArray(value) && value.length > 0 ? value.join(', ') : undefined;

function deletedCount(value: unknown): string | undefined {
  const done = count(value);
  return done === undefined ? undefined : `${done} deleted`;
}
