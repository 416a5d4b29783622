import Link from 'next/link';
import { ExternalUrl } from '@/components/environments/environment-cells';
import { Card } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ServingEnvironment } from '@/lib/domain/overview';
import { DEPLOYMENT_SOURCE_LABELS } from '@/lib/domain/deployments';
import { checksVerdict } from '@/lib/domain/overview';
import { shortSha } from '@/lib/format';

const SUITE_LABEL = { unit: 'Unit', integration: 'Integration', e2e: 'E2E' } as const;

function Checks({ checks }: { checks: NonNullable<ServingEnvironment['checks']> }) {
  const verdict = checksVerdict(checks);
  if (verdict === 'none') return <span className="text-muted">No checks reported</span>;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <StatusBadge status={verdict} />
      {checks.ci ? (
        <span className="text-xs text-muted">
          {checks.ci.htmlUrl ? (
            <a href={checks.ci.htmlUrl} className="hover:text-accent hover:underline">
              {checks.ci.workflowName}
            </a>
          ) : (
            checks.ci.workflowName
          )}
          : {(checks.ci.conclusion ?? checks.ci.status).replace('_', ' ')}
        </span>
      ) : null}
      {checks.tests.map((run) => (
        <Link
          key={run.suite}
          href={`/tests/runs/${run.runId}`}
          className={`text-xs hover:underline ${run.status === 'failed' ? 'font-medium text-red-700' : 'text-muted'}`}
        >
          {SUITE_LABEL[run.suite]} {run.status}
        </Link>
      ))}
    </span>
  );
}

/** One long-lived environment: what it serves, from which commit, and whether checks passed. */
export function ReleaseCard({
  title,
  environment,
  now,
  footer,
  testId,
}: {
  title: string;
  environment: ServingEnvironment | null;
  now: Date;
  footer?: React.ReactNode;
  testId: string;
}) {
  if (!environment) {
    return (
      <Card title={title} testId={testId}>
        <p className="text-sm text-muted">
          No {title.toLowerCase()} environment yet: it appears with its first deployment.
        </p>
      </Card>
    );
  }
  const { current, latest } = environment;
  const newerBuild = latest && current && latest.commitSha !== current.commitSha ? latest : null;
  return (
    <Card
      title={title}
      href={`/environments/${environment.slug}`}
      linkLabel="Details"
      testId={testId}
      actions={environment.url ? <ExternalUrl url={environment.url} /> : null}
    >
      {current ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-start justify-between gap-3">
            <p className="min-w-0 truncate text-base font-medium" title={current.commitMessage}>
              {current.commitMessage}
            </p>
            <StatusBadge status={current.state} />
          </div>
          <DetailList
            items={[
              {
                label: 'Commit',
                value: (
                  <span>
                    <code className="font-mono" title={current.commitSha}>
                      {shortSha(current.commitSha)}
                    </code>{' '}
                    <span className="text-muted">by</span> {current.commitAuthor}
                  </span>
                ),
              },
              {
                label: 'Deployed',
                value: (
                  <span>
                    <RelativeTime date={current.createdAt} now={now} />
                    {current.source !== 'git' ? (
                      <span className="text-muted">
                        {' '}
                        · {DEPLOYMENT_SOURCE_LABELS[current.source]}
                      </span>
                    ) : null}
                  </span>
                ),
              },
              {
                label: 'Checks',
                value: environment.checks ? <Checks checks={environment.checks} /> : '—',
              },
              ...(newerBuild
                ? [
                    {
                      label: 'Newest build',
                      value: (
                        <span className="flex flex-wrap items-center gap-1.5">
                          <StatusBadge status={newerBuild.state} />
                          <code className="font-mono text-xs">
                            {shortSha(newerBuild.commitSha)}
                          </code>
                          <RelativeTime
                            date={newerBuild.createdAt}
                            now={now}
                            className="text-xs text-muted"
                          />
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {footer}
        </div>
      ) : (
        <p className="text-sm text-muted">Nothing is served yet.</p>
      )}
    </Card>
  );
}

/** The sentence under staging: how many commits production has still to receive. */
export function StagingAhead({ ahead }: { ahead: number | null }) {
  return (
    <p className="rounded-md bg-subtle px-3 py-2 text-sm" data-testid="staging-ahead">
      {ahead === null ? (
        <span className="text-muted">
          Production’s commit was never deployed to staging, so there is no common point to compare.
        </span>
      ) : ahead === 0 ? (
        <span>
          <strong className="font-semibold">In sync</strong>: staging serves nothing production
          lacks.
        </span>
      ) : (
        <span>
          Staging is <strong className="font-semibold">{ahead}</strong>{' '}
          {ahead === 1 ? 'commit' : 'commits'} ahead of production.{' '}
          <Link href="/deployments?environment=staging" className="text-accent hover:underline">
            See them
          </Link>
        </span>
      )}
    </p>
  );
}
