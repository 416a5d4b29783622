import { RelativeTime } from '@/components/ui/relative-time';

/**
 * Production after a rollback: it stays on the deployment it was rolled back to (as Vercel
 * does) until the next promotion. Says who rolled back, when and why, from the audit log.
 */
export function PinnedWarning({
  environmentName,
  rollback,
  now,
}: {
  environmentName: string;
  rollback: {
    id: number;
    actorLogin: string | null;
    reason: string | null;
    at: Date | null;
  } | null;
  now: Date;
}) {
  return (
    <div
      role="status"
      data-testid="pinned-warning"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">{environmentName} is pinned after a rollback</p>
      <p className="mt-1">
        New production builds are not promoted automatically; it stays on this deployment until the
        next promotion.
        {rollback ? (
          <>
            {' '}
            Rolled back by {rollback.actorLogin ?? 'envboard'}{' '}
            <RelativeTime date={rollback.at} now={now} /> (operation #{rollback.id})
            {rollback.reason ? <>: “{rollback.reason}”</> : null}.
          </>
        ) : null}
      </p>
    </div>
  );
}
