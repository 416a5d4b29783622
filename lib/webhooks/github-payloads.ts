import { z } from 'zod';
import type {
  PullRequestFields,
  WorkflowJobFields,
  WorkflowRunFields,
} from '@/lib/providers/github/map';

/**
 * The fields of GitHub's webhook payloads envboard reads
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads), each object in the same
 * REST shape lib/providers/github/map.ts turns into envboard's types. Everything else is
 * stripped; nullable where GitHub's own examples send null.
 */

const time = z.string().min(1);
const nullableTime = time
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const repositorySchema = z.object({
  full_name: z.string().regex(/^[^/]+\/[^/]+$/, 'owner/name'),
  /** Push events carry epoch seconds here; other events an ISO string. */
  pushed_at: z.union([z.number(), z.string()]).nullable().optional(),
});

/** A pull request's side names its repository; null once a fork's repository is deleted. */
const repositoryName = z.object({ full_name: z.string() });

const pullRequestSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  draft: z.boolean().nullable().optional(),
  merged_at: nullableTime,
  user: z.object({ login: z.string() }).nullable(),
  head: z.object({ sha: z.string(), ref: z.string(), repo: repositoryName.nullable() }),
  base: z.object({ ref: z.string(), repo: repositoryName }),
  html_url: z.string(),
  created_at: time,
  updated_at: time,
  closed_at: nullableTime,
}) satisfies z.ZodType<PullRequestFields>;

export const pullRequestEventSchema = z.object({
  action: z.string(),
  repository: repositorySchema,
  pull_request: pullRequestSchema,
});

export const pushEventSchema = z.object({
  ref: z.string(),
  after: z.string(),
  deleted: z.boolean().optional().default(false),
  head_commit: z.object({ timestamp: time }).nullable().optional(),
  repository: repositorySchema,
});

const workflowRunSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable().optional(),
  workflow_id: z.number().int(),
  head_sha: z.string(),
  head_branch: z.string().nullable(),
  event: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  run_number: z.number().int(),
  run_attempt: z.number().int().optional(),
  html_url: z.string(),
  created_at: time,
  updated_at: time,
  run_started_at: nullableTime,
  pull_requests: z
    .array(z.object({ number: z.number().int() }))
    .nullable()
    .optional(),
}) satisfies z.ZodType<WorkflowRunFields>;

export const workflowRunEventSchema = z.object({
  action: z.string(),
  repository: repositorySchema,
  workflow_run: workflowRunSchema,
});

const workflowJobSchema = z.object({
  id: z.number().int(),
  run_id: z.number().int(),
  name: z.string(),
  status: z.string(),
  conclusion: z.string().nullable(),
  created_at: nullableTime,
  started_at: nullableTime,
  completed_at: nullableTime,
}) satisfies z.ZodType<WorkflowJobFields>;

export const workflowJobEventSchema = z.object({
  action: z.string(),
  repository: repositorySchema,
  workflow_job: workflowJobSchema,
});

/** When a push happened: the repository's `pushed_at` (epoch seconds), else its newest commit. */
export function pushTime(push: z.output<typeof pushEventSchema>): Date | null {
  const pushedAt = push.repository.pushed_at;
  if (typeof pushedAt === 'number') return new Date(pushedAt * 1000);
  if (typeof pushedAt === 'string') return new Date(pushedAt);
  return push.head_commit ? new Date(push.head_commit.timestamp) : null;
}

/** `refs/heads/feature/x` → `feature/x`; tags and other refs → null. */
export function branchOf(ref: string): string | null {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}
