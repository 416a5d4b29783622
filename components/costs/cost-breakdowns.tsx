'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import type { CostOverview } from '@/lib/domain/costs';
import {
  EnvironmentCostTable,
  ProviderCostTable,
  ProviderTotals,
  PullRequestCostTable,
} from './cost-tables';
import { DailyCostTable } from './daily-cost-table';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The month's spend by provider, environment, pull request and day. */
export function CostBreakdowns({ overview }: { overview: CostOverview }) {
  if (overview.daily.length === 0) {
    return (
      <EmptyState title="No costs recorded for this month">
        Costs arrive from the daily provider syncs. Pick another month above, or wait for the next
        sync to record today&apos;s usage.
      </EmptyState>
    );
  }
  const total = overview.monthToDateUsd;
  return (
    <div className="flex flex-col gap-6">
      <Section id="by-provider" title="By provider">
        <ProviderTotals providers={overview.byProvider} total={total} />
        <ProviderCostTable metrics={overview.byMetric} total={total} />
      </Section>
      <Section id="by-environment" title="By environment">
        <EnvironmentCostTable environments={overview.byEnvironment} total={total} />
      </Section>
      <Section id="by-pr" title="By pull request (previews)">
        <PullRequestCostTable pullRequests={overview.byPullRequest} />
      </Section>
      <Section id="by-day" title="By day">
        <DailyCostTable
          days={overview.daily}
          providers={overview.byProvider.map((row) => row.provider)}
        />
      </Section>
    </div>
  );
}
