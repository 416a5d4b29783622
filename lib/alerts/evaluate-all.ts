import 'server-only';
import type { Database } from '@/db/client';
import { projects } from '@/db/schema';
import { type AlertEvaluation, evaluateAlerts } from './evaluate';
import { log } from '@/lib/observability/log';

export type ProjectEvaluation = { project: string } & (
  ({ ok: true } & AlertEvaluation) | { ok: false; error: string }
);

/**
 * Every project's rules, one project after another: a project whose evaluation fails is
 * reported and logged, and the others still run.
 */
export async function evaluateAllProjects(db: Database, now: Date): Promise<ProjectEvaluation[]> {
  const all = await db.select({ id: projects.id, slug: projects.slug }).from(projects);
  const results: ProjectEvaluation[] = [];
  for (const project of all) {
    try {
      const evaluation = await evaluateAlerts(db, { projectId: project.id, now });
      results.push({ project: project.slug, ok: true, ...evaluation });
    } catch (error) {
      log.error('alert evaluation failed', error, { project: project.slug });
      results.push({ project: project.slug, ok: false, error: 'evaluation failed' });
    }
  }
  return results;
}
