import { FollowOperations } from '@/components/operations/follow-operations';
import { CostGlance } from '@/components/overview/cost-glance';
import { PreviewHealth } from '@/components/overview/preview-health';
import { ReleaseCard, StagingAhead } from '@/components/overview/release-card';
import { TestHealth } from '@/components/overview/test-health';
import { UptimeGlance } from '@/components/overview/uptime-glance';
import { getDatabase } from '@/db/client';
import { getCostOverview } from '@/db/queries/costs';
import { getReleaseComparison } from '@/db/queries/overview';
import { listPreviews } from '@/db/queries/previews';
import { listFailingTests, listFlakyTests } from '@/db/queries/tests';
import { getUptimeByEnvironment } from '@/db/queries/uptime';
import type { Project } from '@/db/schema';
import { summarizePreviewHealth } from '@/lib/domain/overview';

/**
 * The overview's widgets: each reads its own data so each streams in its own Suspense boundary.
 */
interface WidgetProps {
  project: Project;
  now: Date;
}

/** Open pull requests counted for the health figures; a team with more sees "100+". */
const PREVIEW_HEALTH_LIMIT = 100;
const FLAKY_WINDOW_DAYS = 14;

export async function ReleaseWidget({ project, now }: WidgetProps) {
  const { production, staging, stagingAhead } = await getReleaseComparison(
    getDatabase(),
    project.id,
  );
  const shown = [production, staging].flatMap((environment) =>
    environment ? [environment.id] : [],
  );
  return (
    <>
      <FollowOperations environmentIds={shown} since={now.toISOString()} />
      <ReleaseCard title="Production" environment={production} now={now} testId="production" />
      <ReleaseCard
        title="Staging"
        environment={staging}
        now={now}
        testId="staging"
        footer={production?.current ? <StagingAhead ahead={stagingAhead} /> : null}
      />
    </>
  );
}

export async function PreviewsWidget({ project, now }: WidgetProps) {
  const page = await listPreviews(
    getDatabase(),
    project.id,
    { tab: 'open' },
    { limit: PREVIEW_HEALTH_LIMIT },
  );
  const health = summarizePreviewHealth(
    page.rows.map((row) => ({
      deploymentState:
        row.environment?.status === 'active' ? (row.deployment?.state ?? null) : null,
      testVerdict: row.tests.verdict,
      expiresAt: row.environment?.expiresAt ?? null,
    })),
    now,
  );
  return <PreviewHealth health={health} previews={page.rows.slice(0, 6)} now={now} />;
}

export async function TestsWidget({ project, now }: WidgetProps) {
  const db = getDatabase();
  const [failing, flaky] = await Promise.all([
    listFailingTests(db, project.id, { limit: 5 }),
    listFlakyTests(db, project.id, { now, days: FLAKY_WINDOW_DAYS, limit: 5 }),
  ]);
  return (
    <TestHealth
      failing={failing}
      flaky={flaky}
      branch={project.productionBranch}
      days={FLAKY_WINDOW_DAYS}
    />
  );
}

export async function CostWidget({ project, now }: WidgetProps) {
  const overview = await getCostOverview(getDatabase(), project.id, {
    now,
    budgetUsd: project.monthlyBudgetUsd,
  });
  return <CostGlance overview={overview} />;
}

export async function UptimeWidget({ project, now }: WidgetProps) {
  const rows = await getUptimeByEnvironment(getDatabase(), project.id, { now });
  return <UptimeGlance rows={rows} />;
}
