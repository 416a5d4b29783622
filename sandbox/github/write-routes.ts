import { z } from 'zod';
import { json, type Router, type SandboxRequest, type SandboxResponse } from '../http/server';
import { githubError, notFound } from './protocol';
import { repoOf, type World } from './world';

type On = Router['on'];

const commentBody = z.object({ body: z.string().min(1) });
const statusBody = z.object({
  state: z.enum(['error', 'failure', 'pending', 'success']),
  target_url: z.string().nullish(),
  description: z.string().nullish(),
  context: z.string().default('default'),
});

function invalid(error: z.ZodError): SandboxResponse {
  const errors = error.issues.map((issue) => ({
    resource: 'Request',
    field: issue.path.join('.'),
    code: 'invalid',
    message: issue.message,
  }));
  return { status: 422, body: githubError(422, 'Validation Failed', errors) };
}

function parse<T>(schema: z.ZodType<T>, request: SandboxRequest) {
  return schema.safeParse(request.body ?? {});
}

/** The writes the envboard client makes: sticky PR comments and commit statuses. */
export function writeRoutes(world: World, on: On): void {
  const base = '/repos/:owner/:repo';

  on('POST', `${base}/issues/:number/comments`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const number = Number(request.params.number);
    if (!repo || number >= repo.nextNumber || number < 1) return notFound();
    const input = parse(commentBody, request);
    if (!input.success) return invalid(input.error);
    const at = world.now();
    const comment = {
      id: world.ids.next('comment'),
      issueNumber: number,
      body: input.data.body,
      author: world.actor,
      createdAt: at,
      updatedAt: at,
    };
    repo.comments.set(comment.id, comment);
    return json(201, world.wire.comment(repo, comment));
  });

  on('PATCH', `${base}/issues/comments/:comment_id`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const comment = repo?.comments.get(Number(request.params.comment_id));
    if (!repo || !comment) return notFound();
    const input = parse(commentBody, request);
    if (!input.success) return invalid(input.error);
    comment.body = input.data.body;
    comment.updatedAt = world.now();
    return json(200, world.wire.comment(repo, comment));
  });

  on('POST', `${base}/statuses/:sha`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const sha = request.params.sha ?? '';
    if (!repo) return notFound();
    if (!repo.commits.has(sha)) {
      return { status: 422, body: githubError(422, `No commit found for SHA: ${sha}`) };
    }
    const input = parse(statusBody, request);
    if (!input.success) return invalid(input.error);
    const status = {
      id: world.ids.next('status'),
      sha,
      state: input.data.state,
      context: input.data.context,
      description: input.data.description ?? null,
      targetUrl: input.data.target_url ?? null,
      createdAt: world.now(),
    };
    repo.statuses.push(status);
    world.onStatusCreated(repo, status);
    return json(201, world.wire.status(repo, status, world.actor));
  });
}
