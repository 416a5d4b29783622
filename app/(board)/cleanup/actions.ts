'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type {
  DeleteOrphansResult,
  DeleteOrphansState,
} from '@/components/admin/delete-orphans-button';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { ActionFailure, guardedAction } from '@/lib/auth';
import { cleanup } from '@/lib/operations';
import { providers } from '@/lib/wiring/provider-clients';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { describeSyncError } from '@/lib/sync/run-sync';

/** The candidate keys the page listed, one a line: `preview:12`, `neon_branch:br-…`, `deployment:dpl_…`. */
const deleteInput = z.object({
  keys: z
    .string()
    .max(100_000)
    // A browser submits a field's line breaks as CRLF: split on any whitespace.
    .transform((text) => text.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^(preview|neon_branch|deployment):[\w.-]{1,100}$/))
        .min(1, 'Nothing was listed to delete.')
        .max(1000),
    ),
});

const deleteListed = guardedAction(
  deleteInput,
  'admin',
  async ({ keys }, actor): Promise<DeleteOrphansResult> => {
    const db = getDatabase();
    const project = await getCurrentProject(db);
    if (!project) throw new ActionFailure('no_project', 'There is no project to clean up yet.');
    let settings;
    try {
      settings = cleanupSettings();
    } catch (error) {
      throw new ActionFailure('not_configured', `Cleanup cannot run: ${describeSyncError(error)}`);
    }
    // Only what the page listed and still qualifies now: a stale list deletes nothing new.
    const report = await cleanup(db, providers, new Date(), {
      ...settings,
      project,
      actorId: actor.userId,
      idempotencyKey: `cleanup:${project.id}:${randomUUID()}`,
      only: new Set(keys),
    });
    if (report.refusal) throw new ActionFailure('refused', `Cleanup refused: ${report.refusal}.`);
    if (report.operationId === null && report.errors.length > 0) {
      throw new ActionFailure('failed', report.errors.join('; '));
    }
    if (report.operationId === null) {
      throw new ActionFailure(
        'nothing_to_delete',
        'None of the listed items qualifies for deletion any more; reload the page.',
      );
    }
    revalidatePath('/cleanup');
    return {
      operationId: report.operationId,
      deleted:
        report.previews.filter((preview) => !preview.error).length +
        report.orphanBranches.length +
        report.orphanDeployments.length,
      deferred: report.deferred.length,
      errors: report.errors,
    };
  },
);

/** Delete the listed cleanup candidates now (admins only), as one audited cleanup operation. */
export async function deleteListedOrphansAction(
  _state: DeleteOrphansState,
  form: FormData,
): Promise<DeleteOrphansState> {
  return deleteListed(form);
}
