import type { OperationProgress } from '@/lib/domain/operation-progress';

export const OPERATION_LABEL: Record<OperationProgress['kind'], string> = {
  provision: 'Provisioning',
  promote: 'Promotion',
  rollback: 'Rollback',
  reseed: 'Reseed',
  delete: 'Deletion',
  cleanup: 'Cleanup',
  membership: 'Role change',
  pin: 'Pin',
  freeze: 'Freeze',
  api_token: 'API token change',
  alert_channel: 'Alert channel change',
};

/** "Reseed of PR #1292": the operation by what it acts on, never by its row id. */
export function operationName(operation: Pick<OperationProgress, 'kind' | 'subject'>): string {
  return `${OPERATION_LABEL[operation.kind]} of ${operation.subject}`;
}

/** The toast an operation earns once it stops moving, or undefined while it runs. */
export function outcomeToast(
  operation: OperationProgress,
): { tone: 'success' | 'danger' | 'info'; title: string; detail?: string } | undefined {
  const name = operationName(operation);
  switch (operation.state) {
    case 'succeeded':
      return {
        tone: 'success',
        title: `${name} succeeded`,
        detail: operation.pinned
          ? 'Production is pinned to this deployment until the next promotion.'
          : undefined,
      };
    case 'failed':
      return { tone: 'danger', title: `${name} failed`, detail: operation.error ?? undefined };
    case 'rejected':
      return {
        tone: 'danger',
        title: `${name} was rejected`,
        detail: operation.error ?? undefined,
      };
    case 'requested':
      return {
        tone: 'info',
        title: `${name} is waiting for approval`,
        detail: 'A second release manager must approve it; it runs as soon as they do.',
      };
    default:
      return undefined;
  }
}
