import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { PreviewListItem } from '@/lib/domain/previews';
import type { PreviewHealth as Health } from '@/lib/domain/overview';

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-xl font-semibold tabular ${value > 0 && tone ? tone : 'text-ink'}`}>
        {value}
      </dd>
    </div>
  );
}

/** Open previews at a glance: counts by health, then the newest few with their state. */
export function PreviewHealth({
  health,
  previews,
  now,
}: {
  health: Health;
  previews: readonly PreviewListItem[];
  now: Date;
}) {
  return (
    <Card title="Open previews" href="/previews" testId="preview-health">
      {health.open === 0 ? (
        <p className="text-sm text-muted">
          No open pull requests. Open one and its preview shows up here.
        </p>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-5 gap-3">
            <Figure label="Open" value={health.open} />
            <Figure label="Ready" value={health.ready} tone="text-emerald-700" />
            <Figure label="Broken build" value={health.broken} tone="text-red-700" />
            <Figure label="Tests failing" value={health.testsFailing} tone="text-red-700" />
            <Figure label="Expire < 24 h" value={health.expiringSoon} tone="text-amber-700" />
          </dl>
          <ul className="divide-y divide-border border-t border-border">
            {previews.map(({ pullRequest, deployment, tests }) => (
              <li key={pullRequest.id} className="flex items-center gap-3 py-2 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="truncate" title={pullRequest.title}>
                    <span className="text-muted tabular">#{pullRequest.number}</span>{' '}
                    {pullRequest.title}
                  </p>
                  <p className="truncate text-xs text-muted">
                    {pullRequest.author} · opened{' '}
                    <RelativeTime date={pullRequest.openedAt} now={now} />
                  </p>
                </div>
                {deployment ? (
                  <StatusBadge status={deployment.state} />
                ) : (
                  <StatusBadge status="none" tone="neutral">
                    No preview
                  </StatusBadge>
                )}
                {tests.verdict !== 'none' ? (
                  <StatusBadge status={tests.verdict}>Tests {tests.verdict}</StatusBadge>
                ) : null}
              </li>
            ))}
          </ul>
          {health.open > previews.length ? (
            <Link
              href="/previews"
              className="mt-2 inline-block text-xs text-accent hover:underline"
            >
              {health.open - previews.length} more open
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}
