import 'server-only';
import type { Database } from '@/db/client';
import { latestTestCounts, newestDeploymentState } from '@/db/queries/badges';
import { getEnvironment } from '@/db/queries/environments';
import { getUptimeByEnvironment } from '@/db/queries/uptime';
import type { Badge, BadgeKind } from '@/lib/domain/badges';
import { environmentState } from '@/lib/domain/environments';
import { deployBadge, statusBadge, testsBadge, uptimeBadge } from './messages';

/**
 * The badge of one kind for the environment `slug`, reading only what that kind shows; undefined
 * when the project has no such environment.
 */
export async function loadBadge(
  db: Database,
  projectId: number,
  { slug, kind, now }: { slug: string; kind: BadgeKind; now: Date },
): Promise<Badge | undefined> {
  const environment = await getEnvironment(db, projectId, slug);
  if (!environment) return undefined;
  const current = environment.status === 'active' ? environment.current : null;
  switch (kind) {
    case 'status': {
      // A preview shows its newest build's state (environmentState says why); the page's
      // detail row carries only what it serves.
      const latest =
        environment.kind === 'preview'
          ? await newestDeploymentState(db, environment.id).then((state) =>
              state ? { state } : null,
            )
          : null;
      return statusBadge(environmentState(environment, { latest, current: environment.current }));
    }
    case 'uptime': {
      // The board's own 30-day figure (the Uptime page and the environment page read it too).
      const [uptime] = await getUptimeByEnvironment(db, projectId, {
        now,
        environmentId: environment.id,
      });
      return uptimeBadge(uptime?.windows['30d'].pct ?? null);
    }
    case 'deploy':
      return deployBadge(current, now);
    case 'tests':
      return testsBadge(
        await latestTestCounts(db, projectId, {
          commitSha: current?.commitSha ?? null,
          branch: environment.gitBranch,
        }),
      );
  }
}
