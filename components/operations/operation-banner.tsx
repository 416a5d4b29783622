import { RunbookLink } from '@/components/runbooks/runbook-link';
import { RelativeTime } from '@/components/ui/relative-time';
import type { OperationKind, OperationState } from '@/lib/domain/audit';
import { OPERATION_LABEL } from './labels';

/** An operation holding one of the page's environments, as the banner tells it. */
export interface HeldEnvironment {
  id: number;
  kind: OperationKind;
  state: OperationState;
  step: string | null;
  actorLogin: string | null;
  environmentName: string | null;
  requestedAt: Date;
  /** Not moved for longer than a function may run: a crash left it (see the runbook). */
  stuck?: boolean;
}

function progress(operation: HeldEnvironment): string {
  if (operation.state === 'requested') return 'waiting for a second release manager';
  if (operation.state === 'approved') return 'approved, starting';
  // A step reads "<name>" while in flight and "<name>: done" between steps.
  return operation.step ? `step ${operation.step.replace(/: done$/, ' done')}` : 'starting';
}

/**
 * Says once, at the top of the page, which operations hold the page's environments and how far
 * they are; the buttons they block are disabled with a short tooltip instead of repeating it on
 * every row. The page is refreshed as a followed operation moves on (tracked-operation.tsx), so
 * the step shown is the current one, and the banner goes once it ends.
 */
export function OperationBanner({ held, now }: { held: readonly HeldEnvironment[]; now: Date }) {
  if (held.length === 0) return null;
  return (
    <section
      aria-label="Operations holding environments"
      data-testid="operation-banner"
      className="mb-4 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <ul className="flex flex-col gap-1">
        {held.map((operation) => (
          <li key={operation.id} data-testid="operation-banner-item">
            <span className="font-medium">
              {OPERATION_LABEL[operation.kind]} of {operation.environmentName ?? 'an environment'}
            </span>{' '}
            is in progress: {progress(operation)}
            <span className="text-sky-800">
              {' '}
              · started by {operation.actorLogin ?? 'envboard'}{' '}
              <RelativeTime date={operation.requestedAt} now={now} />
            </span>
            {operation.stuck ? (
              <span className="block text-amber-800" data-testid="operation-stuck">
                It has not moved for longer than an operation may run; the recover cron finishes it
                from the providers&apos; state. Until then, follow the{' '}
                <RunbookLink name="stuck-operation" />.
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-sky-800">
        Other operations on{' '}
        {held.length === 1 ? 'this environment wait' : 'these environments wait'} until it ends;
        their buttons are disabled meanwhile.
      </p>
    </section>
  );
}
