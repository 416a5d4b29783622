import { Card } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ConfigDrift, EnvironmentConfig, EnvVarScope } from '@/lib/domain/config-drift';

/**
 * An environment's Config tab: the names of the Vercel variables that apply to it (with their
 * targets and branch, never a value), what it lacks against production and staging, and the
 * names only one environment has.
 */
export function EnvironmentConfigView({
  environment,
  drift,
}: {
  environment: EnvironmentConfig;
  drift: ConfigDrift;
}) {
  return (
    <div className="grid gap-4" data-testid="environment-config">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Missing here" testId="config-missing">
          {environment.missing.length === 0 ? (
            <p className="text-sm text-muted">
              Nothing: every variable production and staging have is set here.
            </p>
          ) : (
            <>
              <p className="mb-2 text-sm text-muted">
                Names production or staging has that {environment.slug} lacks:
              </p>
              <NameList names={environment.missing} />
            </>
          )}
        </Card>
        <Card title="Set for one environment only" testId="config-only-one">
          {drift.onlyOne.length === 0 ? (
            <p className="text-sm text-muted">No variable is set for one environment alone.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {drift.onlyOne.map(({ key, slug }) => (
                <li key={key} className="flex items-center gap-2">
                  <code className="font-mono text-ink">{key}</code>
                  <span className="text-muted">only in {slug}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <DriftByEnvironment drift={drift} />
      <DataTable
        caption={`Variables that apply to ${environment.slug}`}
        captionHidden={false}
        columns={VARIABLE_COLUMNS}
        rows={environment.variables}
        rowKey={(row) => `${row.key} ${row.gitBranch ?? ''}`}
        testId="config-variables"
        empty={
          <EmptyState title="No variables apply here">
            Add them in the Vercel project&apos;s settings under Environment Variables.
          </EmptyState>
        }
      />
    </div>
  );
}

function NameList({ names }: { names: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {names.map((name) => (
        <li key={name}>
          <code className="rounded bg-subtle px-1.5 py-0.5 font-mono text-xs text-ink">{name}</code>
        </li>
      ))}
    </ul>
  );
}

const VARIABLE_COLUMNS: readonly Column<EnvVarScope>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (row) => <code className="font-mono text-ink">{row.key}</code>,
  },
  { key: 'targets', header: 'Applies to', cell: (row) => row.targets.join(', ') },
  { key: 'branch', header: 'Git branch', cell: (row) => row.gitBranch ?? 'every branch' },
];

function DriftByEnvironment({ drift }: { drift: ConfigDrift }) {
  return (
    <DataTable
      caption="Compared with production and staging"
      captionHidden={false}
      columns={DRIFT_COLUMNS}
      rows={drift.environments}
      rowKey={(row) => row.slug}
      testId="config-drift"
    />
  );
}

const DRIFT_COLUMNS: readonly Column<EnvironmentConfig>[] = [
  { key: 'environment', header: 'Environment', cell: (row) => row.slug },
  { key: 'count', header: 'Variables', align: 'right', cell: (row) => row.variables.length },
  {
    key: 'missing',
    header: 'Lacks',
    cell: (row) =>
      row.missing.length === 0 ? (
        <StatusBadge status="in_step" tone="success">
          Nothing
        </StatusBadge>
      ) : (
        <NameList names={row.missing} />
      ),
  },
];
