'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { EmptyState } from '@/components/ui/empty-state';
import { FilterBar } from '@/components/ui/filter-bar';
import type { LinkedIncident } from '@/lib/domain/incident-links';
import { INCIDENT_WINDOWS, type IncidentWindow } from '@/lib/domain/uptime';
import type { IncidentRollbackOffer } from './incident-rollback';
import { IncidentsTable } from './incidents-table';

/** Incidents of the chosen window (7 or 30 days), newest first, at most `limit` of them. */
export function IncidentsSection({
  incidents,
  days,
  limit,
  now,
  rollback,
}: {
  incidents: readonly LinkedIncident[];
  days: IncidentWindow;
  limit: number;
  now: Date;
  rollback?: IncidentRollbackOffer;
}) {
  return (
    <section aria-labelledby="incidents" className="mt-8">
      <h2 id="incidents" className="mb-2 text-sm font-semibold">
        Incidents
      </h2>
      <FilterBar
        action="/uptime"
        label="Choose the incident window"
        fields={[
          {
            type: 'select',
            name: 'days',
            label: 'Window',
            value: days,
            required: true,
            options: INCIDENT_WINDOWS.map((value) => ({ value, label: `Last ${value} days` })),
          },
        ]}
      />
      {incidents.length > 0 ? (
        <IncidentsTable incidents={incidents} now={now} rollback={rollback} />
      ) : (
        <EmptyState title={`No incidents in the last ${days} days`}>
          An incident is a run of failed health checks; every check in this window succeeded.
        </EmptyState>
      )}
      {incidents.length === limit ? (
        <p className="mt-2 text-xs text-muted">
          The {limit} most recent incidents; choose a shorter window to see fewer.
        </p>
      ) : null}
    </section>
  );
}
