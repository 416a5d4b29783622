import type { ReactNode } from 'react';
import type { DeploymentOperations } from '@/components/operations/deployment-operations';
import { PinnedWarning } from '@/components/operations/pinned-warning';
import { PreviewActions } from '@/components/operations/preview-operations';
import { RollbackPanel } from '@/components/operations/rollback-panel';
import { OperationDialog } from '@/components/operations/operation-dialog';
import { ApprovalNote, CommitLabel, FromTo } from '@/components/operations/change-summary';
import type { Database } from '@/db/client';
import type { EnvironmentDetail } from '@/lib/domain/environments';
import type { Project } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { hasRole } from '@/lib/domain/roles';
import {
  deploymentOffers,
  environmentBlocked,
  lastRollback,
  previewOffers,
  rollbackChoices,
} from '@/lib/operations/board';
import type { DeploymentListItem } from '@/lib/domain/deployments';
import { environmentExclusion } from '@/lib/domain/preview-exclusion';
import { promotionAvailability } from '@/lib/operations/availability';
import {
  deletePreviewAction,
  provisionAgainAction,
  reseedPreviewAction,
} from '@/app/(board)/actions/preview';
import { requestPromotionAction, rollbackAction } from '@/app/(board)/actions/release';
import { pinningActions } from '@/app/(board)/actions/pinning';
import { pinView } from '@/lib/domain/pins';
import { PromotionDiffView } from '@/components/environments/promotion-diff';
import { getProductionServing } from '@/db/queries/production-serving';
import { loadPromotionDiff } from '@/lib/operations/promotion-diff';
import { providers } from '@/lib/wiring/provider-clients';
import { freezePhase } from '@/lib/domain/freeze';
import { PinNote } from '@/components/controls/pin-note';
import { FreezeNotice } from '@/components/controls/freeze-notice';
import { FreezeControls } from '@/components/controls/freeze-controls';
import { clearFreezeAction, freezeProductionAction } from '@/app/(board)/actions/freeze';

/**
 * The operations one environment offers the signed-in member: header buttons (roll back on
 * production, promote on staging, reseed and delete on a preview), the pinned warning after a
 * rollback, and promote / roll back on its deployment history. Viewers get none of them.
 */
export async function environmentOperations(
  db: Database,
  project: Project,
  environment: EnvironmentDetail,
  history: readonly DeploymentListItem[],
  actor: Actor,
  now: Date,
): Promise<{ actions?: ReactNode; notice?: ReactNode; deployments?: DeploymentOperations }> {
  const pin =
    environment.kind === 'preview' && environment.status === 'active'
      ? pinView(environment, now)
      : null;
  let notice = (
    <>
      {environment.kind === 'production' && environment.pinned ? (
        <PinnedWarning
          environmentName={environment.name}
          rollback={await lastRollback(db, project.id, environment.slug)}
          now={now}
        />
      ) : null}
      {/* The active freeze is the board's banner; an upcoming one is said here. */}
      {environment.kind === 'production' && freezePhase(environment, now) === 'upcoming' ? (
        <FreezeNotice production={environment} now={now} show="any" />
      ) : null}
      {pin ? (
        <p className="mb-6 rounded-lg border border-border bg-subtle px-4 py-3">
          <PinNote pin={pin} now={now} />
        </p>
      ) : null}
    </>
  );
  const diff = await stagingDiff(db, project, environment);
  const diffSection = diff ? (
    <section className="mb-6 rounded-lg border border-border bg-surface p-4">
      <h2 className="mb-2 text-sm font-semibold text-ink">What a promotion would bring</h2>
      <PromotionDiffView diff={diff.diff} productionName={diff.productionName} />
    </section>
  ) : null;
  if (environment.kind === 'staging')
    notice = (
      <>
        {notice}
        {diffSection}
      </>
    );
  if (environment.kind === 'preview') {
    // A fork's or another environment's branch is not a preview envboard may change.
    if (!hasRole(actor.role, 'developer') || environmentExclusion(environment)) return { notice };
    const pullRequestOpen = environment.pullRequest?.state === 'open';
    // A deleted preview offers Provision again while its pull request is open, nothing after.
    if (environment.status !== 'active' && !pullRequestOpen) return { notice };
    const offers = await previewOffers(db, [environment.id], actor);
    const actions = (
      <PreviewActions
        preview={{
          id: environment.id,
          name: environment.name,
          dbBranchName: environment.dbBranch?.name ?? null,
          gitBranch: environment.gitBranch,
          pullRequestOpen,
          pin,
        }}
        availability={offers.get(environment.id)!}
        operations={{
          reseed: reseedPreviewAction,
          delete: deletePreviewAction,
          provisionAgain: provisionAgainAction,
          pinning: pinningActions(now),
        }}
        size="md"
      />
    );
    return { actions, notice };
  }
  if (environment.status !== 'active') return { notice };

  if (!hasRole(actor.role, 'release_manager')) return { notice };
  const offers = await deploymentOffers(db, project, history, now);
  const deployments: DeploymentOperations = {
    ...offers,
    requestPromotion: requestPromotionAction,
    rollback: rollbackAction,
  };
  if (environment.kind === 'production') {
    const [{ candidates }, blocked] = await Promise.all([
      rollbackChoices(db, project, environment.slug),
      environmentBlocked(db, environment.id),
    ]);
    const actions = (
      <div className="flex flex-wrap items-start gap-2">
        <FreezeControls
          productionName={environment.name}
          frozen={freezePhase(environment, now) !== 'none'}
          actions={{ freeze: freezeProductionAction, clear: clearFreezeAction }}
        />
        <RollbackPanel
          productionName={environment.name}
          served={offers.served}
          candidates={candidates}
          blocked={blocked}
          action={rollbackAction}
        />
      </div>
    );
    return { actions, notice, deployments };
  }
  const current = environment.current;
  if (environment.kind === 'staging' && current) {
    const promote =
      offers.availability.get(current.id)?.promote ??
      (await promotionAvailability(db, current.id, now));
    const actions = (
      <OperationDialog
        label="Promote to production…"
        title={`Promote ${environment.name} to ${offers.productionName}`}
        availability={promote}
        action={requestPromotionAction}
        fields={{ deploymentId: current.id }}
        reason="required"
        submitLabel={project.requireApproval ? 'Request promotion' : 'Promote now'}
        tone="primary"
      >
        <FromTo
          from={<CommitLabel commit={offers.served} />}
          to={<CommitLabel commit={current} />}
        />
        <p>
          Vercel will serve what {environment.name} serves now as {offers.productionName}. The gate
          is checked again on the server before it runs.
        </p>
        <ApprovalNote required={project.requireApproval} />
        {diff ? (
          <PromotionDiffView diff={diff.diff} productionName={diff.productionName} compact />
        ) : null}
      </OperationDialog>
    );
    return { actions, notice, deployments };
  }
  return { notice, deployments };
}

/** For staging: what it adds over the commit production serves; undefined elsewhere. */
async function stagingDiff(db: Database, project: Project, environment: EnvironmentDetail) {
  if (environment.kind !== 'staging' || environment.status !== 'active' || !environment.current) {
    return undefined;
  }
  const { production, current } = await getProductionServing(db, project.id);
  if (!production || !current) return undefined;
  // Lazily: a GitHub client that cannot be built (a missing setting) is the diff's error state.
  const github = {
    compareCommits: (base: string, head: string) => providers.github.compareCommits(base, head),
  };
  const diff = await loadPromotionDiff(db, github, project.id, {
    baseSha: current.commitSha,
    headSha: environment.current.commitSha,
  });
  return { diff, productionName: production.name };
}
