/**
 * Applying one provider object to the database, shared by webhooks and the cron syncs: each
 * function writes through db/writes in one transaction, never lets an older copy overwrite a
 * newer one, and says whether it changed anything.
 */
export { type ApplyResult, inTransaction } from './result';
export { applyPullRequest, findPullRequest } from './pull-request';
export { applyWorkflowJob, applyWorkflowRun } from './workflow-run';
export {
  applyVercelDeployment,
  fromVercelDeployment,
  fromVercelSummary,
  type VercelDeploymentChange,
} from './vercel-deployment';
export { deploymentState } from './vercel-deployment-state';
export { applyPush, type BranchPush } from './push';
export { previewSlug } from './environments';
