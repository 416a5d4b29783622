import { Faults } from '../http/faults';
import { Router, type RunningServer, startServer } from '../http/server';
import type { WebhookSender } from '../http/webhook-sender';
import { artifactRoutes } from './artifact-routes';
import { githubDelivery, githubWebhookSender, type WebhookSettings } from './delivery';
import type { Json } from './examples';
import { statusPayload } from './events';
import { People } from './people';
import { hookRoutes } from './hook-routes';
import { githubError, githubRoute, Quota } from './protocol';
import { readRoutes } from './read-routes';
import { createRepo, Ids, type RepoState } from './state';
import { StateChanges } from './state-changes';
import { teamRoutes } from './team-routes';
import { Wire } from './wire';
import type { World } from './world';
import { writeRoutes } from './write-routes';

export interface GitHubSandboxOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** `owner/name` of each repository; one `acme/shop` unless told. */
  repositories?: string[];
  /** When set, requests must present this token; otherwise any token is accepted. */
  token?: string;
  webhooks?: WebhookSettings;
  /** Seeds the fault switches' random draws. */
  faultSeed?: number;
  /** Primary rate limit per hour. */
  rateLimit?: number;
  now?: () => Date;
}

export interface GitHubSandbox extends RunningServer {
  /** Error rate, 429 bursts and latency for every API request. */
  faults: Faults;
  /** Drop, duplicate and reorder switches, and flush() to send what is queued. */
  webhooks: WebhookSender;
  quota: Quota;
  /** Open pull requests, push, run workflows: each change also queues its webhooks. */
  change: StateChanges;
  /** Accounts and organization teams: join, leave, rename, and sign-in tokens. */
  people: People;
  repository(fullName: string): RepoState;
}

/** Starts the GitHub API emulator on 127.0.0.1. */
export async function startGitHubSandbox(
  options: GitHubSandboxOptions = {},
): Promise<GitHubSandbox> {
  const now = options.now ?? (() => new Date());
  const ids = new Ids();
  const webhooks = githubWebhookSender(options.webhooks ?? {});
  const deliver = (event: string, payload: Json, repo: RepoState) =>
    webhooks.enqueue(githubDelivery(event, payload, repo.id));
  const people = new People();
  const world: World = {
    repos: new Map(),
    ids,
    now,
    people,
    wire: new Wire('http://127.0.0.1', (login) => people.idOf(login)),
    actor: 'envboard[bot]',
    onStatusCreated: (repo, status) =>
      deliver('status', statusPayload(world.wire, repo, status, world.actor), repo),
  };
  for (const fullName of options.repositories ?? ['acme/shop']) {
    world.repos.set(fullName, createRepo(ids.next('repository'), fullName, now()));
  }

  const quota = new Quota(options.rateLimit ?? 5000, now);
  const faults = new Faults({
    errorBody: (status, message) => githubError(status, message),
    seed: options.faultSeed,
    rateLimitHeaders: () => quota.headers(),
  });
  const router = new Router();
  const on: Router['on'] = (method, pattern, handler) =>
    router.on(method, pattern, githubRoute(quota, accepts, handler));
  // The app's token, or a user's token from a sign-in (People.tokenFor).
  const accepts = (token: string) =>
    options.token === undefined || token === options.token || !!people.ownerOfToken(token);
  let baseUrl = '';
  readRoutes(world, on, () => baseUrl);
  hookRoutes(world, on, webhooks);
  writeRoutes(world, on);
  artifactRoutes(world, on, router, () => baseUrl);
  teamRoutes(world, on, () => baseUrl);

  const server = await startServer({
    router,
    port: options.port,
    errorBody: (status, message) => githubError(status, message),
    middleware: [faults.middleware],
  });
  baseUrl = server.baseUrl;
  world.wire = new Wire(baseUrl, (login) => people.idOf(login));

  return {
    ...server,
    faults,
    webhooks,
    quota,
    change: new StateChanges(world, deliver),
    people,
    repository: (fullName) => {
      const repo = world.repos.get(fullName);
      if (!repo) throw new Error(`The GitHub sandbox has no repository ${fullName}`);
      return repo;
    },
  };
}
