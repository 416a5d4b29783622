import { pgEnum } from 'drizzle-orm/pg-core';
import { APPROVAL_DECISIONS, OPERATION_KINDS, OPERATION_STATES } from '@/lib/domain/audit';
import { DELIVERY_STATUSES, SYNC_STATUSES, WEBHOOK_PROVIDERS } from '@/lib/domain/admin';
import { COST_PROVIDERS } from '@/lib/domain/costs';
import { DEPLOYMENT_SOURCES, DEPLOYMENT_STATES } from '@/lib/domain/deployments';
import {
  DB_BRANCH_STATES,
  ENVIRONMENT_KINDS,
  ENVIRONMENT_STATUSES,
} from '@/lib/domain/environments';
import { CI_CONCLUSIONS, CI_RUN_STATUSES } from '@/lib/domain/overview';
import { PULL_REQUEST_STATES } from '@/lib/domain/pull-requests';
import { MEMBERSHIP_SOURCES, ROLES } from '@/lib/domain/roles';
import { TEST_CASE_STATUSES } from '@/lib/domain/test-results';
import { TEST_RUN_STATUSES, TEST_SUITES } from '@/lib/domain/test-runs';

// The lists live in lib/domain; a value's position is its order in the database type, so a list
// only ever grows at the end (with a migration), never reorders.
export const environmentKind = pgEnum('environment_kind', ENVIRONMENT_KINDS);
export const environmentStatus = pgEnum('environment_status', ENVIRONMENT_STATUSES);
export const pullRequestState = pgEnum('pull_request_state', PULL_REQUEST_STATES);
export const deploymentState = pgEnum('deployment_state', DEPLOYMENT_STATES);
export const deploymentSource = pgEnum('deployment_source', DEPLOYMENT_SOURCES);
export const dbBranchState = pgEnum('db_branch_state', DB_BRANCH_STATES);
export const ciRunStatus = pgEnum('ci_run_status', CI_RUN_STATUSES);
export const ciConclusion = pgEnum('ci_conclusion', CI_CONCLUSIONS);
export const testSuite = pgEnum('test_suite', TEST_SUITES);
export const testRunStatus = pgEnum('test_run_status', TEST_RUN_STATUSES);
export const testCaseStatus = pgEnum('test_case_status', TEST_CASE_STATUSES);
export const costProvider = pgEnum('cost_provider', COST_PROVIDERS);
export const operationKind = pgEnum('operation_kind', OPERATION_KINDS);
export const operationState = pgEnum('operation_state', OPERATION_STATES);
export const approvalDecision = pgEnum('approval_decision', APPROVAL_DECISIONS);
export const webhookProvider = pgEnum('webhook_provider', WEBHOOK_PROVIDERS);
export const deliveryStatus = pgEnum('delivery_status', DELIVERY_STATUSES);
export const syncStatus = pgEnum('sync_status', SYNC_STATUSES);
export const role = pgEnum('role', ROLES);
export const membershipSource = pgEnum('membership_source', MEMBERSHIP_SOURCES);
