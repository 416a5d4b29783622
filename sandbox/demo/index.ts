import type { DemoHistory } from '@/lib/demo';
import type { GitHubSandbox } from '../github/emulator';
import type { NeonSandbox } from '../neon';
import type { VercelSandbox } from '../vercel';
import { fillGitHubPeople, fillGitHubRepo } from './github';
import { fillNeonStore, neonConsumption } from './neon';
import { fillVercelStore } from './vercel';
import { vercelCharges } from './vercel-charges';

export { neonConsumption } from './neon';
export { vercelCharges } from './vercel-charges';

/** Where the demo lives at each provider: what the clients' environment variables name. */
export function demoProviderIds(history: DemoHistory) {
  const { githubOwner, githubRepo, vercelProjectId, vercelTeamId, neonProjectId } = history.project;
  return {
    githubRepository: `${githubOwner}/${githubRepo}`,
    vercelProjectId,
    vercelTeamId,
    neonProjectId,
  };
}

export interface DemoSandboxes {
  github: GitHubSandbox;
  vercel: VercelSandbox;
  neon: NeonSandbox;
}

/**
 * Puts the state the providers would hold for the demo into the three emulators, under the ids
 * the seed writes: the repository's commits, pull requests and CI runs; the Vercel project, its
 * deployments and billing; the Neon branches and consumption; the team's GitHub accounts and
 * the org's release team. Nothing is replayed as webhooks.
 */
export function fillSandboxesFromDemo(sandboxes: DemoSandboxes, history: DemoHistory): void {
  const ids = demoProviderIds(history);
  fillGitHubRepo(sandboxes.github.repository(ids.githubRepository), history);
  fillGitHubPeople(sandboxes.github.people, history);
  fillVercelStore(sandboxes.vercel.store, history);
  sandboxes.vercel.store.charges.push(...vercelCharges(history));
  fillNeonStore(sandboxes.neon.store, history);
  sandboxes.neon.consumption.push(...neonConsumption(history));
}
