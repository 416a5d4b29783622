import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGitHubSignature } from '@/lib/webhooks/github-signature';
import { json, Router, type RunningServer, startServer } from '@/sandbox/http/server';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';

const REPO = 'acme/shop';
const SECRET = 'sandbox-secret';

interface Delivery {
  event: string;
  id: string;
  check: string;
  payload: Record<string, unknown> & { action?: string };
}

let sandbox: GitHubSandbox;
let receiver: RunningServer;
const received: Delivery[] = [];

beforeAll(async () => {
  const router = new Router().on('POST', '/api/webhooks/github', async (request) => {
    received.push({
      event: String(request.headers['x-github-event']),
      id: String(request.headers['x-github-delivery']),
      check: await checkGitHubSignature(
        SECRET,
        request.rawBody,
        request.headers['x-hub-signature-256'] as string | undefined,
      ),
      payload: request.body as Delivery['payload'],
    });
    return json(200, {});
  });
  receiver = await startServer({ router, errorBody: (_, message) => ({ message }) });
  sandbox = await startGitHubSandbox({
    repositories: [REPO],
    webhooks: { url: `${receiver.baseUrl}/api/webhooks/github`, secret: SECRET, seed: 1 },
  });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Sends what earlier tests queued, then starts a fresh record. */
async function startRecording(): Promise<void> {
  await sandbox.webhooks.flush();
  received.length = 0;
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.baseUrl}/repos/${REPO}${path}`, {
    ...init,
    headers: { authorization: 'Bearer t', ...init.headers },
  });

describe('GitHub sandbox wire format', () => {
  it('requires a token and answers errors as { message, documentation_url }', async () => {
    const anonymous = await fetch(`${sandbox.baseUrl}/repos/${REPO}/pulls`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      message: 'Requires authentication',
      documentation_url: expect.stringContaining('docs.github.com'),
    });
    const missing = await api('/pulls/424242');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'Not Found' });
  });

  it('pages with per_page and page, naming next and last in Link', async () => {
    for (let i = 0; i < 5; i++)
      sandbox.change.openPullRequest(REPO, { head: `page-${i}`, title: `P${i}` });
    const first = await api('/pulls?per_page=2&state=all');
    expect(await first.json()).toHaveLength(2);
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/[?&]page=2>; rel="next"/);
    expect(link).toMatch(/per_page=2/);
    const last = Number(/page=(\d+)>; rel="last"/.exec(link)?.[1]);
    const final = await api(`/pulls?per_page=2&state=all&page=${last}`);
    expect(final.headers.get('link')).toMatch(/rel="prev"/);
    expect(final.headers.get('link')).not.toMatch(/rel="next"/);
  });

  it('answers If-None-Match with 304 and rate-limit headers, spending no quota', async () => {
    const first = await api('/pulls');
    const etag = first.headers.get('etag') as string;
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const again = await api('/pulls', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
  });

  it('rejects an invalid commit status with 422 and errors[]', async () => {
    const sha = sandbox.repository(REPO).branches.get('main') as string;
    const response = await api(`/statuses/${sha}`, {
      method: 'POST',
      body: JSON.stringify({ state: 'green' }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [expect.objectContaining({ field: 'state' })],
    });
  });
});

describe('GitHub sandbox webhooks', () => {
  it('sends signed push and pull_request deliveries shaped like GitHub’s', async () => {
    await startRecording();
    const pr = sandbox.change.openPullRequest(REPO, {
      head: 'hooks',
      title: 'Hooks',
      author: 'mona',
    });
    await sandbox.webhooks.flush();
    expect(received.map((d) => `${d.event}.${d.payload.action ?? ''}`)).toEqual([
      'push.',
      'pull_request.opened',
    ]);
    expect(received.every((d) => d.check === 'valid')).toBe(true);
    expect(new Set(received.map((d) => d.id)).size).toBe(2);
    const [push, opened] = received as [Delivery, Delivery];
    expect(push.payload).toMatchObject({
      ref: 'refs/heads/hooks',
      after: pr.headSha,
      created: true,
    });
    expect(opened.payload).toMatchObject({
      number: pr.number,
      repository: { full_name: REPO },
      sender: { login: 'mona' },
      pull_request: { number: pr.number, state: 'open', head: { sha: pr.headSha, ref: 'hooks' } },
    });
  });

  it('reports a run from queued to completed through workflow_run and workflow_job', async () => {
    await startRecording();
    const run = sandbox.change.startWorkflowRun(REPO, { branch: 'hooks', jobs: ['test'] });
    sandbox.change.completeWorkflowRun(REPO, run.id, { conclusion: 'success' });
    await sandbox.webhooks.flush();
    expect(received.map((d) => `${d.event}.${d.payload.action}`)).toEqual([
      'workflow_run.requested',
      'workflow_job.queued',
      'workflow_run.in_progress',
      'workflow_job.in_progress',
      'workflow_job.completed',
      'workflow_run.completed',
    ]);
    expect(received.at(-1)?.payload).toMatchObject({
      workflow_run: { id: run.id, status: 'completed', conclusion: 'success', pull_requests: [{}] },
    });
  });

  it('a push to a pull request’s branch also sends pull_request.synchronize with before and after', async () => {
    await startRecording();
    const { before, after } = sandbox.change.push(REPO, { branch: 'hooks' });
    await sandbox.webhooks.flush();
    const synchronize = received.find((d) => d.payload.action === 'synchronize');
    expect(synchronize?.payload).toMatchObject({
      before,
      after,
      pull_request: { head: { sha: after } },
    });
  });

  it('a commit status written through the API comes back as a status webhook', async () => {
    await startRecording();
    const sha = sandbox.repository(REPO).branches.get('hooks') as string;
    const body = JSON.stringify({ state: 'success', context: 'envboard/preview' });
    expect((await api(`/statuses/${sha}`, { method: 'POST', body })).status).toBe(201);
    await sandbox.webhooks.flush();
    expect(received.map((d) => d.event)).toEqual(['status']);
    expect(received[0]?.payload).toMatchObject({
      sha,
      state: 'success',
      context: 'envboard/preview',
      commit: { sha },
      branches: [{ name: 'hooks' }],
    });
  });

  it('drops webhooks when told to, and reports what it dropped', async () => {
    await startRecording();
    sandbox.webhooks.configure({ dropRate: 1 });
    sandbox.change.push(REPO, { branch: 'dropped' });
    await sandbox.webhooks.flush();
    sandbox.webhooks.configure({ dropRate: 0 });
    expect(received).toEqual([]);
    expect(sandbox.webhooks.dropped.at(-1)?.headers['x-github-event']).toBe('push');
  });
});
