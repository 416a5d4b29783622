import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { type EnvironmentUptime, environmentSloVerdict } from '@/lib/domain/uptime';
import { latency, pct } from '@/lib/format';

/** 30-day uptime per environment against the SLO, long-lived environments first. */
export function UptimeGlance({
  rows,
  limit = 6,
}: {
  rows: readonly EnvironmentUptime[];
  limit?: number;
}) {
  const shown = rows.slice(0, limit);
  return (
    <Card title="Uptime, 30 days" href="/uptime" testId="uptime-glance">
      {shown.length === 0 ? (
        <p className="text-sm text-muted">No environment has uptime checks yet.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">30-day uptime per environment</caption>
          <thead>
            <tr className="text-xs text-muted">
              <th scope="col" className="pb-2 text-left font-medium">
                Environment
              </th>
              <th scope="col" className="pb-2 text-right font-medium">
                Uptime
              </th>
              <th scope="col" className="pb-2 text-right font-medium">
                p95
              </th>
              <th scope="col" className="pb-2 text-right font-medium">
                <span className="sr-only">Status</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {shown.map((row) => {
              const verdict = environmentSloVerdict(row);
              const down = row.lastCheck && !row.lastCheck.ok;
              return (
                <tr key={row.environmentId}>
                  <th scope="row" className="py-1.5 text-left font-normal">
                    <Link
                      href={`/environments/${row.slug}`}
                      className="hover:text-accent hover:underline"
                    >
                      {row.name}
                    </Link>
                  </th>
                  <td
                    className={`py-1.5 text-right tabular ${verdict.status === 'breaching' ? 'font-medium text-red-700' : ''}`}
                    title={verdict.label}
                  >
                    {pct(verdict.pct, 2)}
                    {verdict.status === 'breaching' ? (
                      <span className="sr-only"> ({verdict.label})</span>
                    ) : null}
                  </td>
                  <td className="py-1.5 text-right text-muted tabular">
                    {latency(row.latencyP95Ms)}
                  </td>
                  <td className="py-1.5 pl-2 text-right">
                    {row.lastCheck ? <StatusBadge status={down ? 'down' : 'up'} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > shown.length ? (
        <Link href="/uptime" className="mt-2 inline-block text-xs text-accent hover:underline">
          {rows.length - shown.length} more environments
        </Link>
      ) : null}
    </Card>
  );
}
