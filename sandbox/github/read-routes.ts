import { json, type Router } from '../http/server';
import { comparisonWire } from './commit-wire';
import { createdFilter } from './created-filter';
import { notFound, paginate } from './protocol';
import { compare, resolveRef } from './state';
import { repoOf, type World } from './world';

type On = Router['on'];

/** The GET endpoints the envboard client calls, newest first where GitHub sorts that way. */
export function readRoutes(world: World, on: On, apiUrl: () => string): void {
  const base = '/repos/:owner/:repo';

  // The token's own account. GitHub answers an App installation token 403 here; the sandbox's
  // token acts as `world.actor` whatever it is, so it answers with that account.
  on('GET', '/user', () => json(200, world.wire.account(world.actor)));

  on('GET', `${base}/pulls`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    if (!repo) return notFound();
    const state = request.query.get('state') ?? 'open';
    const sort = request.query.get('sort') ?? 'created';
    const direction = request.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
    const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
    const pulls = [...repo.pulls.values()]
      .filter((pr) => state === 'all' || pr.state === state)
      .sort((a, b) => a[key].getTime() - b[key].getTime() || a.number - b.number);
    if (direction === 'desc') pulls.reverse();
    const page = paginate(request, apiUrl(), pulls);
    return json(
      200,
      page.items.map((pr) => world.wire.pull(repo, pr)),
      page.headers,
    );
  });

  on('GET', `${base}/pulls/:number`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const pr = repo?.pulls.get(Number(request.params.number));
    return repo && pr ? json(200, world.wire.pull(repo, pr)) : notFound();
  });

  on('GET', `${base}/actions/runs`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    if (!repo) return notFound();
    const { query } = request;
    const created = createdFilter(query.get('created'));
    const runs = [...repo.runs.values()]
      .filter((run) => created(run.createdAt))
      .filter((run) => !query.get('branch') || run.headBranch === query.get('branch'))
      .filter((run) => !query.get('head_sha') || run.headSha === query.get('head_sha'))
      .filter((run) => !query.get('event') || run.event === query.get('event'))
      .filter((run) => {
        const status = query.get('status');
        return !status || run.status === status || run.conclusion === status;
      })
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    const page = paginate(request, apiUrl(), runs);
    const body = {
      total_count: runs.length,
      workflow_runs: page.items.map((run) => world.wire.run(repo, run)),
    };
    return json(200, body, page.headers);
  });

  on('GET', `${base}/actions/runs/:run_id/jobs`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const run = repo?.runs.get(Number(request.params.run_id));
    if (!repo || !run) return notFound();
    const jobs = [...repo.jobs.values()].filter((job) => job.runId === run.id);
    const page = paginate(request, apiUrl(), jobs);
    const body = {
      total_count: jobs.length,
      jobs: page.items.map((job) => world.wire.job(repo, job, run)),
    };
    return json(200, body, page.headers);
  });

  on('GET', `${base}/actions/runs/:run_id/artifacts`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const run = repo?.runs.get(Number(request.params.run_id));
    if (!repo || !run) return notFound();
    const name = request.query.get('name');
    const artifacts = repo.artifacts.filter(
      (a) => a.runId === run.id && (!name || a.name === name),
    );
    const page = paginate(request, apiUrl(), artifacts);
    const body = {
      total_count: artifacts.length,
      artifacts: page.items.map((artifact) =>
        world.wire.artifact(repo, artifact, run, world.now()),
      ),
    };
    return json(200, body, page.headers);
  });

  on('GET', `${base}/compare/:basehead`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const [baseRef, headRef] = (request.params.basehead ?? '').split('...');
    const baseSha = repo && baseRef ? resolveRef(repo, baseRef) : undefined;
    const headSha = repo && headRef ? resolveRef(repo, headRef) : undefined;
    if (!repo || !baseSha || !headSha) return notFound();
    const found = compare(repo, baseSha, headSha);
    const basehead = request.params.basehead!;
    return json(200, comparisonWire(world.wire, repo, { basehead, baseSha, headSha }, found));
  });

  on('GET', `${base}/issues/:number/comments`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const number = Number(request.params.number);
    if (!repo || number >= repo.nextNumber || number < 1) return notFound();
    const since = Date.parse(request.query.get('since') ?? '');
    const comments = [...repo.comments.values()]
      .filter((comment) => comment.issueNumber === number)
      .filter((comment) => Number.isNaN(since) || comment.updatedAt.getTime() >= since);
    const page = paginate(request, apiUrl(), comments);
    return json(
      200,
      page.items.map((comment) => world.wire.comment(repo, comment)),
      page.headers,
    );
  });
}
