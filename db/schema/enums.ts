import { pgEnum } from 'drizzle-orm/pg-core';
import { DELIVERY_STATUSES, SYNC_STATUSES, WEBHOOK_PROVIDERS } from '@/lib/domain/admin';
import { DEPLOYMENT_SOURCES } from '@/lib/domain/deployments';

export const environmentKind = pgEnum('environment_kind', [
  'production',
  'staging',
  'development',
  'preview',
]);
export const environmentStatus = pgEnum('environment_status', ['active', 'deleted']);
export const pullRequestState = pgEnum('pull_request_state', ['open', 'closed', 'merged']);
export const deploymentState = pgEnum('deployment_state', [
  'queued',
  'building',
  'ready',
  'error',
  'canceled',
]);
export const deploymentSource = pgEnum('deployment_source', DEPLOYMENT_SOURCES);
export const dbBranchState = pgEnum('db_branch_state', ['init', 'ready', 'deleted']);
export const ciRunStatus = pgEnum('ci_run_status', ['queued', 'in_progress', 'completed']);
export const ciConclusion = pgEnum('ci_conclusion', [
  'success',
  'failure',
  'cancelled',
  'skipped',
  'timed_out',
]);
export const testSuite = pgEnum('test_suite', ['unit', 'integration', 'e2e']);
export const testRunStatus = pgEnum('test_run_status', ['passed', 'failed']);
export const testCaseStatus = pgEnum('test_case_status', ['passed', 'failed', 'skipped', 'flaky']);
export const costProvider = pgEnum('cost_provider', ['vercel', 'neon', 'github', 'monitoring']);
export const operationKind = pgEnum('operation_kind', [
  'provision',
  'promote',
  'rollback',
  'reseed',
  'delete',
  'cleanup',
  'membership',
]);
export const operationState = pgEnum('operation_state', [
  'requested',
  'approved',
  'running',
  'succeeded',
  'failed',
  'rejected',
]);
export const approvalDecision = pgEnum('approval_decision', ['approved', 'rejected']);
export const webhookProvider = pgEnum('webhook_provider', WEBHOOK_PROVIDERS);
export const deliveryStatus = pgEnum('delivery_status', DELIVERY_STATUSES);
export const syncStatus = pgEnum('sync_status', SYNC_STATUSES);
export const role = pgEnum('role', ['viewer', 'developer', 'release_manager', 'admin']);
export const membershipSource = pgEnum('membership_source', ['manual', 'team']);
