'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { FlakyTest } from '@/lib/domain/test-runs';
import { percent, testPath } from '@/lib/format';
import { SUITE_LABEL } from './suite-label';

function columns(now: Date): Column<FlakyTest & { rank: number }>[] {
  return [
    {
      key: 'test',
      header: 'Test',
      cell: (row) => (
        <div className="flex flex-col">
          <span className="font-medium text-ink">
            <span className="mr-2 text-faint tabular">{row.rank}.</span>
            {testPath(row.name)}
          </span>
          <span className="font-mono text-xs text-muted">{row.file}</span>
        </div>
      ),
    },
    { key: 'suite', header: 'Suite', cell: (row) => SUITE_LABEL[row.suite] },
    {
      key: 'rate',
      header: 'Flake rate',
      cell: (row) => (
        <div className="flex items-center gap-2">
          <span className="w-12 text-right font-semibold text-amber-700 tabular">
            {percent(row.flakeRate)}
          </span>
          <span aria-hidden="true" className="h-1.5 w-24 overflow-hidden rounded-full bg-subtle">
            <span
              className="block h-full rounded-full bg-amber-500"
              style={{ width: `${Math.min(100, row.flakeRate * 100)}%` }}
            />
          </span>
        </div>
      ),
    },
    {
      key: 'runs',
      header: 'Flaky / runs',
      align: 'right',
      cell: (row) => (
        <span className="tabular">
          {row.flakyRuns} / {row.totalRuns}
        </span>
      ),
    },
    {
      key: 'last',
      header: 'Last flaked',
      align: 'right',
      cell: (row) => (
        <Link href={`/tests/runs/${row.lastFlakyRunId}`} className="text-accent hover:underline">
          <RelativeTime date={row.lastFlakedAt} now={now} />
        </Link>
      ),
    },
  ];
}

export function FlakyTestsTable({ tests, now }: { tests: readonly FlakyTest[]; now: Date }) {
  return (
    <DataTable
      caption="Flaky tests ranked by flake rate"
      testId="flaky-tests-table"
      columns={columns(now)}
      rows={tests.map((test, index) => ({ ...test, rank: index + 1 }))}
      rowKey={(row) => `${row.suite}:${row.name}`}
    />
  );
}
