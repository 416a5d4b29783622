import Link from 'next/link';
import { commitTitle, type LinkedIncident } from '@/lib/domain/incident-links';
import { duration, exactTime, shortSha } from '@/lib/format';

/**
 * The deployment an incident is linked to: its suspected cause when that deployment began serving
 * shortly before, else only what was serving.
 */
export function IncidentCause({ incident }: { incident: LinkedIncident }) {
  const { deployment, suspected } = incident.cause;
  if (!deployment) return <span className="text-xs text-muted">No deployment serving</span>;
  const before = duration(incident.startedAt.getTime() - deployment.servingAt.getTime());
  const commit = (
    <Link
      href={`/deployments?environment=${encodeURIComponent(incident.environmentSlug)}`}
      className="font-mono text-xs hover:underline"
      title={`${deployment.commitMessage}\nServing since ${exactTime(deployment.servingAt)}`}
    >
      {shortSha(deployment.commitSha)}
    </Link>
  );
  return (
    <span className="flex flex-col text-xs" data-testid="incident-cause">
      <span className={suspected ? 'font-medium text-ink' : 'text-muted'}>
        {suspected ? 'Suspected: ' : 'Serving: '}
        {commit} <span className="line-clamp-1">{commitTitle(deployment.commitMessage)}</span>
      </span>
      <span className="text-muted">live {before} before</span>
    </span>
  );
}
