import { Card } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { LongName } from '@/components/ui/long-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Stat } from '@/components/ui/stat';
import { StatusBadge } from '@/components/ui/status-badge';
import type { EnvironmentCost, EnvironmentDetail } from '@/lib/domain/environments';
import { DEPLOYMENT_SOURCE_LABELS, servingSince } from '@/lib/domain/deployments';
import { environmentExclusion, exclusionReason } from '@/lib/domain/preview-exclusion';
import { SloVerdictBadge } from '@/components/uptime/slo-verdict';
import type { EnvironmentUptime } from '@/lib/domain/uptime';
import { environmentSloVerdict, UPTIME_WINDOWS } from '@/lib/domain/uptime';
import { bytes, latency, pct, shortSha, usd } from '@/lib/format';
import { Expiry, ExternalUrl } from './environment-cells';

export function NowServing({ environment, now }: { environment: EnvironmentDetail; now: Date }) {
  const current = environment.current;
  return (
    <Card title="Now serving" className="lg:col-span-2" testId="now-serving">
      {current ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-start justify-between gap-3">
            <p className="min-w-0 text-base font-medium text-ink">{current.commitMessage}</p>
            <StatusBadge status={current.state} />
          </div>
          <DetailList
            items={[
              {
                label: 'Commit',
                value: (
                  <code className="font-mono" title={current.commitSha}>
                    {shortSha(current.commitSha)}
                  </code>
                ),
              },
              { label: 'Author', value: current.commitAuthor },
              {
                label: 'Deployed',
                value: (
                  <>
                    {/* When it began serving here, not when it was built. */}
                    <RelativeTime date={servingSince(current)} now={now} />
                    <span className="text-muted">
                      {' '}
                      · {DEPLOYMENT_SOURCE_LABELS[current.source]}
                    </span>
                  </>
                ),
              },
              { label: 'Deployment', value: <ExternalUrl url={current.url} /> },
            ]}
          />
        </div>
      ) : (
        <p className="text-sm text-muted">
          Nothing is served yet: the first ready deployment of{' '}
          <span className="font-mono">{environment.gitBranch}</span> will show here.
        </p>
      )}
    </Card>
  );
}

export function DatabaseBranch({
  environment,
  now,
}: {
  environment: EnvironmentDetail;
  now: Date;
}) {
  const branch = environment.dbBranch;
  const exclusion = environmentExclusion(environment);
  return (
    <Card title="Database branch" className="lg:col-span-2" testId="db-branch">
      {exclusion ? (
        <p className="text-sm text-muted" data-testid="preview-exclusion">
          Not provisioned: {exclusionReason(exclusion)}. envboard gives this pull request no
          database branch, no DATABASE_URL and no delete.
        </p>
      ) : branch ? (
        <DetailList
          items={[
            {
              label: 'Name',
              value: (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <LongName text={branch.name} className="font-mono" />
                  {branch.state !== 'ready' ? <StatusBadge status={branch.state} /> : null}
                  {branch.protected ? <StatusBadge status="protected" tone="info" /> : null}
                </span>
              ),
            },
            { label: 'Neon ID', value: <code className="font-mono">{branch.neonBranchId}</code> },
            {
              label: 'Parent',
              value: branch.parentName ? (
                <LongName text={branch.parentName} className="font-mono" />
              ) : (
                <span className="text-muted">Root branch</span>
              ),
            },
            { label: 'Size', value: bytes(branch.logicalSizeBytes) },
            {
              label: 'Migrations',
              value: branch.migrationsValidatedAt ? (
                <span>
                  <StatusBadge status="passed">Validated</StatusBadge>{' '}
                  <RelativeTime
                    date={branch.migrationsValidatedAt}
                    now={now}
                    className="text-muted"
                  />
                </span>
              ) : (
                <StatusBadge status="pending" tone="warning">
                  Not validated
                </StatusBadge>
              ),
            },
            {
              label: 'Expires',
              // A deleted branch has nothing left to expire.
              value:
                branch.state === 'deleted' || environment.status === 'deleted' ? (
                  <span className="text-muted">Deleted</span>
                ) : (
                  <Expiry at={branch.expiresAt} now={now} />
                ),
            },
          ]}
        />
      ) : (
        <p className="text-sm text-muted">No Neon branch is attached to this environment.</p>
      )}
    </Card>
  );
}

export function UptimePanel({ uptime }: { uptime: EnvironmentUptime | null }) {
  return (
    <Card
      title="Uptime"
      href="/uptime"
      linkLabel="Uptime"
      className="lg:col-span-3"
      testId="uptime"
    >
      {uptime && uptime.windows['30d'].totalChecks > 0 ? (
        <div className="flex flex-col gap-3">
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
            <SloVerdictBadge verdict={environmentSloVerdict(uptime)} sloPct={uptime.sloPct} />
            <span>against the {pct(uptime.sloPct, 1)} SLO</span>
          </p>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
            {UPTIME_WINDOWS.map((window) => (
              <Stat key={window} label={window} value={pct(uptime.windows[window].pct, 2)} />
            ))}
            <Stat label="p50 latency" value={latency(uptime.latencyP50Ms)} />
            <Stat label="p95 latency" value={latency(uptime.latencyP95Ms)} />
          </dl>
        </div>
      ) : (
        <p className="text-sm text-muted">
          No uptime checks recorded for this environment in the last 30 days.
        </p>
      )}
    </Card>
  );
}

export function CostPanel({ cost }: { cost: EnvironmentCost }) {
  return (
    <Card title="Cost so far" href="/costs" linkLabel="Costs" testId="cost">
      <dl className="grid grid-cols-2 gap-4">
        <Stat label="This month" value={usd(cost.monthToDateUsd)} />
        <Stat label="Lifetime" value={usd(cost.lifetimeUsd)} />
      </dl>
    </Card>
  );
}
