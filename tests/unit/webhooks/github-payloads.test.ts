import definitions from '@octokit/webhooks-examples';
import { describe, expect, test } from 'vitest';
import {
  branchOf,
  pullRequestEventSchema,
  pushEventSchema,
  pushTime,
  workflowJobEventSchema,
  workflowRunEventSchema,
} from '@/lib/webhooks/github-payloads';
import { toPullRequest, toWorkflowJob, toWorkflowRun } from '@/lib/providers/github/map';

const examples = (event: string) =>
  definitions.find((definition) => definition.name === event)!.examples as Record<
    string,
    unknown
  >[];
const example = (event: string, action?: string) =>
  structuredClone(examples(event).find((e) => action === undefined || e.action === action)!);

describe('pull_request payloads', () => {
  test('a merged pull request maps to the same normalized shape the REST sync produces', () => {
    const payload = example('pull_request', 'closed');
    const event = pullRequestEventSchema.parse(payload);
    const pr = toPullRequest(event.pull_request);
    const raw = payload.pull_request as Record<string, unknown> & {
      head: { sha: string; ref: string };
    };
    expect(pr).toMatchObject({
      number: raw.number,
      state: 'closed',
      headSha: raw.head.sha,
      headRef: raw.head.ref,
      updatedAt: new Date(raw.updated_at as string),
    });
    expect(pr.merged).toBe(raw.merged_at !== null);
  });

  test('a pull request whose head is in a fork, or in a deleted fork, is recorded as from a fork', () => {
    const payload = example('pull_request', 'opened') as {
      pull_request: { head: { repo: unknown }; base: { repo: { full_name: string } } };
    };
    expect(toPullRequest(pullRequestEventSchema.parse(payload).pull_request).fromFork).toBe(false);
    payload.pull_request.head.repo = { full_name: 'mallory/Hello-World', fork: true };
    expect(toPullRequest(pullRequestEventSchema.parse(payload).pull_request).fromFork).toBe(true);
    payload.pull_request.head.repo = null;
    expect(toPullRequest(pullRequestEventSchema.parse(payload).pull_request).fromFork).toBe(true);
  });

  test('every shipped pull_request example parses', () => {
    for (const payload of examples('pull_request')) {
      expect(pullRequestEventSchema.safeParse(payload).success).toBe(true);
    }
  });

  test('a payload without the head commit is refused, naming the field', () => {
    const payload = example('pull_request', 'opened');
    delete (payload.pull_request as { head: { sha?: string } }).head.sha;
    const parsed = pullRequestEventSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['pull_request', 'head', 'sha']);
  });
});

describe('push payloads', () => {
  test('the push time is the repository pushed_at in epoch seconds', () => {
    const event = pushEventSchema.parse(example('push'));
    const seconds = (example('push').repository as { pushed_at: number }).pushed_at;
    expect(pushTime(event)).toEqual(new Date(seconds * 1000));
  });

  test('without pushed_at the newest commit time stands in', () => {
    const payload = example('push');
    (payload.repository as { pushed_at?: number }).pushed_at = undefined;
    payload.head_commit = { timestamp: '2026-03-01T10:00:00Z' };
    expect(pushTime(pushEventSchema.parse(payload))).toEqual(new Date('2026-03-01T10:00:00Z'));
  });

  test('only branch refs name a branch', () => {
    expect(branchOf('refs/heads/feature/x')).toBe('feature/x');
    expect(branchOf('refs/tags/v1.0.0')).toBeNull();
  });
});

describe('workflow payloads', () => {
  test('every shipped workflow_run and workflow_job example parses and maps', () => {
    for (const payload of examples('workflow_run')) {
      const run = toWorkflowRun(workflowRunEventSchema.parse(payload).workflow_run);
      expect(run.createdAt.getTime()).not.toBeNaN();
    }
    for (const payload of examples('workflow_job')) {
      const job = toWorkflowJob(workflowJobEventSchema.parse(payload).workflow_job);
      expect(job.runId).toBeGreaterThan(0);
    }
  });

  test('a run from a fork lists no pull requests; the number list is empty, not missing', () => {
    const payload = example('workflow_run', 'completed');
    (payload.workflow_run as { pull_requests: unknown[] }).pull_requests = [];
    const run = toWorkflowRun(workflowRunEventSchema.parse(payload).workflow_run);
    expect(run.pullRequestNumbers).toEqual([]);
  });
});
