import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { type EnvironmentState, expiryState } from '@/lib/domain/environments';
import { shortSha } from '@/lib/format';

/** Small pieces shared by the environments list, its detail page and the overview. */

export function Commit({
  sha,
  message,
  author,
  at,
  now,
  className = '',
}: {
  className?: string;
  sha: string;
  message: string;
  author: string;
  at?: Date | null;
  now: Date;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className}`}>
      <span className="truncate text-ink" title={message}>
        {message}
      </span>
      <span className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <code className="font-mono" title={sha}>
          {shortSha(sha)}
        </code>
        <span>{author}</span>
        {at ? <RelativeTime date={at} now={now} /> : null}
      </span>
    </div>
  );
}

/** An environment's state as environmentState gives it: the same badge on every page. */
export function EnvironmentStateBadge({
  state,
  none = 'No deployment yet',
}: {
  state: EnvironmentState;
  /** The words for an environment with no deployment. */
  none?: string;
}) {
  if (state === 'none') {
    return <span className="text-xs whitespace-nowrap text-faint">{none}</span>;
  }
  return <StatusBadge status={state} />;
}

/** The host of a URL as a link; the full URL on hover. */
export function ExternalUrl({ url, className = '' }: { url: string | null; className?: string }) {
  if (!url) return <span className="text-faint">—</span>;
  const href = url.startsWith('http') ? url : `https://${url}`;
  const host = href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <a
      href={href}
      title={href}
      target="_blank"
      rel="noreferrer"
      className={`block truncate text-accent hover:underline ${className}`}
    >
      {host}
    </a>
  );
}

/** Relative expiry; inside the last 24 hours, or once passed, it becomes a warning badge. */
export function Expiry({ at, now }: { at: Date | null; now: Date }) {
  const state = expiryState(at, now);
  if (state === 'none') return <span className="text-faint">Never</span>;
  if (state === 'ok') return <RelativeTime date={at} now={now} className="text-ink" />;
  return (
    <StatusBadge status={state === 'soon' ? 'expiring' : 'expired'}>
      {state === 'expired' ? 'Expired ' : ''}
      <RelativeTime date={at} now={now} />
    </StatusBadge>
  );
}
