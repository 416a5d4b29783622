import type { z } from 'zod';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import { toPullRequest, toWorkflowJob, toWorkflowRun } from '@/lib/providers/github/map';
import {
  type ApplyResult,
  applyPullRequest,
  applyPush,
  applyWorkflowJob,
  applyWorkflowRun,
} from '@/lib/reconcile';
import {
  branchOf,
  pullRequestEventSchema,
  pushEventSchema,
  pushTime,
  type repositorySchema,
  workflowJobEventSchema,
  workflowRunEventSchema,
} from './github-payloads';
import { type DeliveryOutcome, ignoredBecause } from './outcome';
import { projectForRepository } from './project-lookup';
import { describeIssues } from './zod-issues';

type Repository = z.output<typeof repositorySchema>;

interface Handler<Schema extends z.ZodType> {
  schema: Schema;
  apply: (db: Database, project: Project, payload: z.output<Schema>) => Promise<ApplyResult>;
}

const handler = <Schema extends z.ZodType>(h: Handler<Schema>) => h as Handler<z.ZodType>;

/** The events whose data the board stores. */
const HANDLED: Record<string, Handler<z.ZodType>> = {
  pull_request: handler({
    schema: pullRequestEventSchema,
    apply: (db, project, event) => applyPullRequest(db, project, toPullRequest(event.pull_request)),
  }),
  push: handler({
    schema: pushEventSchema,
    apply: async (db, project, event) => {
      const branch = branchOf(event.ref);
      if (!branch) return { changed: false, ignored: `${event.ref} is not a branch` };
      const pushedAt = pushTime(event);
      if (!pushedAt) return { changed: false, ignored: 'the push carries no time' };
      return applyPush(db, project, {
        branch,
        headSha: event.after,
        pushedAt,
        deleted: event.deleted,
      });
    },
  }),
  workflow_run: handler({
    schema: workflowRunEventSchema,
    apply: (db, project, event) => applyWorkflowRun(db, project, toWorkflowRun(event.workflow_run)),
  }),
  workflow_job: handler({
    schema: workflowJobEventSchema,
    apply: (db, project, event) => applyWorkflowJob(db, project, toWorkflowJob(event.workflow_job)),
  }),
};

/** Events received and deliberately not stored, each with the reason. */
const NOT_STORED: Record<string, string> = {
  ping: 'ping: GitHub checking the webhook',
  check_suite: 'the board keeps no check state of its own: CI runs come from workflow_run events',
  check_run: 'the board keeps no check state of its own: CI runs come from workflow_run events',
  status: 'the board keeps no commit statuses: CI runs come from workflow_run events',
  deployment: "deployments are read from Vercel's own webhooks and API",
  deployment_status: "deployment states are read from Vercel's own webhooks and API",
};

/** Applies one GitHub event (`X-GitHub-Event`) to the project its repository belongs to. */
export async function applyGitHubEvent(
  db: Database,
  event: string,
  payload: unknown,
): Promise<DeliveryOutcome> {
  const known = HANDLED[event];
  if (!known) return ignoredBecause(NOT_STORED[event] ?? `${event} events are not used`);
  const parsed = known.schema.safeParse(payload);
  if (!parsed.success) {
    return { status: 'malformed', reason: `${event} payload: ${describeIssues(parsed.error)}` };
  }
  const repository = (parsed.data as { repository: Repository }).repository.full_name;
  const project = await projectForRepository(db, repository);
  if (!project) return ignoredBecause(`no project is connected to ${repository}`);
  const result = await known.apply(db, project, parsed.data);
  return result.ignored
    ? ignoredBecause(result.ignored)
    : { status: 'applied', changed: result.changed };
}
